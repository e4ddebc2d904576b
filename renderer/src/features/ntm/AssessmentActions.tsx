import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { NtmAssessmentView } from '../../../../core/contract/index';
import { ApiError } from '../../api/client';
import { previousPeriod, periodLabel } from '../../../../core/ntm/period';
import { formatDateTime } from './format';
import { useCopyPrevious, useSetAssessmentStatus } from './mutations';
import { ASSESSMENT_STATUS } from './statusStyle';

export type AssessmentActionsProps = { view: NtmAssessmentView };

/** Status of the quarter with its lifecycle: Gửi → Khóa; Mở lại (with a reason, audited). */
export function AssessmentActions({ view }: AssessmentActionsProps) {
  const setStatus = useSetAssessmentStatus();
  const copy = useCopyPrevious();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const status = view.assessment?.status ?? null;
  const s = ASSESSMENT_STATUS[status ?? 'none'];
  const ref = { unitCode: view.commune.unitCode, period: view.period, catalogId: view.catalog.id };
  const reasonError = setStatus.error instanceof ApiError && setStatus.error.code === 'REOPEN_REASON_REQUIRED' ? setStatus.error.message : null;
  return (
    <Group gap="xs" wrap="wrap">
      <Badge tt="none" size="lg" color={s.color} variant={status === 'locked' ? 'filled' : 'light'} data-testid="assessment-status">
                {s.label}
      </Badge>
      {view.assessment && (
        <Text size="xs" c="dimmed">
          Cập nhật {formatDateTime(view.assessment.updatedAt)}
          {view.assessment.updatedBy ? ` · ${view.assessment.updatedBy}` : ''}
        </Text>
      )}
      {(status === null || status === 'draft') && (
        <Button size="xs" variant="light" onClick={() => setStatus.mutate({ ...ref, status: 'submitted' })} loading={setStatus.isPending} data-testid="assessment-submit">
          Gửi
        </Button>
      )}
      {status !== 'locked' && (
        <Button size="xs" color="dark" variant="light" onClick={() => setStatus.mutate({ ...ref, status: 'locked' })} loading={setStatus.isPending} data-testid="assessment-lock">
          Khóa kỳ
        </Button>
      )}
      {(status === 'submitted' || status === 'locked') && (
        <Button size="xs" color="orange" variant="light" onClick={() => setReopening(true)} data-testid="assessment-reopen">
          Mở lại
        </Button>
      )}
      {status === null && (
        <Button
          size="xs"
          variant="default"
          onClick={() => copy.mutate({ period: view.period })}
          loading={copy.isPending}
          title={`Chép số liệu ${periodLabel(previousPeriod(view.period))} sang quý này cho mọi xã chưa có bản đánh giá quý này (không ghi đè).`}
          data-testid="assessment-copy-previous"
        >
          Bắt đầu quý từ quý trước
        </Button>
      )}
      <Modal opened={reopening} onClose={() => setReopening(false)} title={`Mở lại ${periodLabel(view.period)} — ${view.commune.name}`} centered>
        <Stack>
          <Text size="sm">Kỳ đã gửi hoặc đã khóa chỉ mở lại khi có lý do; lý do được ghi vào nhật ký.</Text>
          <Textarea
            label="Lý do mở lại"
            placeholder="Ví dụ: Sửa số liệu theo kết quả rà soát của đoàn liên ngành"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ?? (reason.trim().length > 0 && reason.trim().length < 5 ? 'Ghi rõ lý do (ít nhất 5 ký tự).' : undefined)}
            autosize
            minRows={2}
            data-autofocus
            data-testid="reopen-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopening(false)}>
              Hủy
            </Button>
            <Button
              color="orange"
              disabled={reason.trim().length < 5}
              loading={setStatus.isPending}
              onClick={() =>
                setStatus.mutate(
                  { ...ref, status: 'draft', reason },
                  {
                    onSuccess: () => {
                      setReopening(false);
                      setReason('');
                    },
                  },
                )
              }
              data-testid="reopen-confirm"
            >
              Mở lại kỳ
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
