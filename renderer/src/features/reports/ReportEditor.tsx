import { Card, Grid, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ReportHeader, ReportNarrative } from '../../../../core/contract/reports';
import { useSaveDraft } from './mutations';

export type ReportDraft = { narrative: ReportNarrative; header: ReportHeader };

export type ReportEditorProps = {
  period: string;
  officeCode: string | undefined;
  initial: ReportDraft;
  readOnly: boolean;
  onChange: (draft: ReportDraft) => void;
};

const AUTOSAVE_MS = 1200;

/**
 * The document's lines (number, place, date, subject, signer, recipients) and the office's own sections. Every
 * change is saved into the period's draft shortly after typing stops; a final report is shown read-only.
 */
export function ReportEditor({ period, officeCode, initial, readOnly, onChange }: ReportEditorProps) {
  const [draft, setDraft] = useState<ReportDraft>(initial);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const dirty = useRef(false);
  const saveDraft = useSaveDraft();
  const { mutate } = saveDraft;

  useEffect(() => {
    if (!dirty.current || readOnly) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      mutate({ period, officeCode, ...draft }, { onSuccess: () => setSavedAt(new Date()) });
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, period, officeCode, readOnly, mutate]);

  const update = (next: ReportDraft) => {
    dirty.current = true;
    setDraft(next);
    onChange(next);
  };
  const setHeader = (patch: Partial<ReportHeader>) => update({ ...draft, header: { ...draft.header, ...patch } });
  const setNarrative = (patch: Partial<ReportNarrative>) => update({ ...draft, narrative: { ...draft.narrative, ...patch } });
  const { header, narrative } = draft;
  const status = readOnly
    ? 'Phiên bản đã lưu: chỉ xem.'
    : saveDraft.isPending
      ? 'Đang lưu nháp…'
      : savedAt
        ? `Đã lưu nháp lúc ${savedAt.toLocaleTimeString('vi-VN')}`
        : 'Nội dung được tự động lưu nháp.';

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>Văn bản báo cáo</Title>
        <Text size="sm" c="dimmed" data-testid="report-autosave">
          {status}
        </Text>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label="Số" value={header.documentNo} readOnly={readOnly} onChange={(e) => setHeader({ documentNo: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <TextInput label="Ký hiệu" value={header.symbol} readOnly={readOnly} onChange={(e) => setHeader({ symbol: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <TextInput label="Địa danh" value={header.place} readOnly={readOnly} onChange={(e) => setHeader({ place: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <TextInput label="Ngày ban hành" type="date" value={header.date} readOnly={readOnly} onChange={(e) => e.currentTarget.value && setHeader({ date: e.currentTarget.value })} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label="Trích yếu" value={header.subject} readOnly={readOnly} onChange={(e) => setHeader({ subject: e.currentTarget.value })} />
        </Grid.Col>
      </Grid>
      <Stack mt="md">
        <Textarea label="I.3. Đánh giá chung (kết quả nổi bật)" autosize minRows={3} value={narrative.results} readOnly={readOnly} onChange={(e) => setNarrative({ results: e.currentTarget.value })} />
        <Textarea label="II. Tồn tại, hạn chế" autosize minRows={3} value={narrative.limitations} readOnly={readOnly} onChange={(e) => setNarrative({ limitations: e.currentTarget.value })} />
        <Textarea label="III. Nhiệm vụ trọng tâm kỳ tới" autosize minRows={3} value={narrative.tasks} readOnly={readOnly} onChange={(e) => setNarrative({ tasks: e.currentTarget.value })} />
      </Stack>
      <Grid mt="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea
            label="Nơi nhận (mỗi dòng một nơi)"
            autosize
            minRows={3}
            value={header.recipients.join('\n')}
            readOnly={readOnly}
            onChange={(e) => setHeader({ recipients: e.currentTarget.value.split('\n') })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea
            label="Chức vụ người ký (mỗi dòng một dòng, ví dụ KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"
            autosize
            minRows={2}
            value={header.signerTitle}
            readOnly={readOnly}
            onChange={(e) => setHeader({ signerTitle: e.currentTarget.value })}
          />
          <TextInput mt="xs" label="Họ và tên người ký" value={header.signerName} readOnly={readOnly} onChange={(e) => setHeader({ signerName: e.currentTarget.value })} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
