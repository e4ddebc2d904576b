import { Button, Card, Grid, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReportSettings } from '../../../../core/contract/reports';
import { useSaveReportSettings } from './mutations';
import { useReportDeadlines, useReportSettings } from './queries';

type Kind = 'quarter' | 'half' | 'year';
const KIND_LABELS: Record<Kind, string> = { quarter: 'Báo cáo quý', half: 'Báo cáo 6 tháng', year: 'Báo cáo năm' };
const OFFSETS = [
  { value: 'none', label: 'Chưa đặt' },
  { value: '0', label: 'tháng cuối kỳ' },
  { value: '1', label: 'tháng sau kỳ' },
  { value: '2', label: 'tháng thứ hai sau kỳ' },
];

/** Deadline rules per kind of report (with the source of each default) and the default signer and recipients. */
export function ReportSettingsPanel() {
  const settings = useReportSettings();
  const deadlines = useReportDeadlines();
  const save = useSaveReportSettings();
  const [value, setValue] = useState<ReportSettings | null>(null);
  useEffect(() => {
    if (settings.data) setValue(settings.data);
  }, [settings.data]);
  if (!value) return null;
  const setRule = (kind: Kind, patch: { monthOffset?: number | null; day?: number }) => {
    const current = value.deadlines[kind];
    const next = patch.monthOffset === null ? null : { monthOffset: patch.monthOffset ?? current?.monthOffset ?? 0, day: patch.day ?? current?.day ?? 20 };
    setValue({ ...value, deadlines: { ...value.deadlines, [kind]: next } });
  };
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Cài đặt báo cáo
      </Title>
      <Stack>
        {(['quarter', 'half', 'year'] as const).map((kind) => {
          const rule = value.deadlines[kind];
          return (
            <Grid key={kind} align="end">
              <Grid.Col span={{ base: 12, md: 3 }}>
                <Text fw={500}>{KIND_LABELS[kind]}</Text>
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <NumberInput label="Hạn: ngày" min={1} max={31} value={rule?.day ?? ''} disabled={!rule} onChange={(v) => typeof v === 'number' && setRule(kind, { day: v })} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <Select
                  label="của"
                  data={OFFSETS}
                  value={rule ? String(rule.monthOffset) : 'none'}
                  allowDeselect={false}
                  onChange={(v) => setRule(kind, { monthOffset: v === 'none' || v === null ? null : Number(v) })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Text size="xs" c="dimmed">
                  {deadlines.data?.sources[kind]}
                </Text>
              </Grid.Col>
            </Grid>
          );
        })}
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput label="Ký hiệu mặc định" value={value.symbol} onChange={(e) => setValue({ ...value, symbol: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Textarea label="Chức vụ người ký" autosize minRows={2} value={value.signerTitle} onChange={(e) => setValue({ ...value, signerTitle: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput label="Họ và tên người ký" value={value.signerName} onChange={(e) => setValue({ ...value, signerName: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Nơi nhận mặc định (mỗi dòng một nơi)"
              autosize
              minRows={2}
              value={value.recipients.join('\n')}
              onChange={(e) => setValue({ ...value, recipients: e.currentTarget.value.split('\n') })}
            />
          </Grid.Col>
        </Grid>
        <Button w="fit-content" loading={save.isPending} onClick={() => save.mutate({ ...value, recipients: value.recipients.filter((r) => r.trim() !== '') })}>
          Lưu cài đặt
        </Button>
      </Stack>
    </Card>
  );
}
