import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RoundDetail } from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useReportRound } from './mutations';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export type RoundReportFormProps = { round: RoundDetail; onSaved: () => void };

/**
 * Records that the round reported (plans.rounds.report): the date of the report and its conclusion. Once
 * reported, the teams' findings are closed (services/plans/findings.ts refuses new ones).
 */
export function RoundReportForm({ round, onSaved }: RoundReportFormProps) {
  const report = useReportRound();
  const [reportedOn, setReportedOn] = useState(round.reportedOn ?? todayIso());
  const [conclusion, setConclusion] = useState(round.conclusion ?? '');
  const errors = formErrors(report.error);
  return (
    <Stack gap="xs" data-testid="round-report-form">
      <TextInput label="Ngày báo cáo" type="date" value={reportedOn} onChange={(e) => setReportedOn(e.currentTarget.value)} error={errors.reportedOn} withAsterisk w={200} data-testid="round-reported-on" />
      <Textarea
        label="Kết luận của đợt rà soát"
        placeholder="Số xã giữ chuẩn, số xã phải khắc phục và thời hạn, số xã đề nghị thu hồi quyết định công nhận; sản phẩm OCOP giữ hạng, nâng hạng, hạ hạng, thu hồi."
        autosize
        minRows={3}
        value={conclusion}
        onChange={(e) => setConclusion(e.currentTarget.value)}
        error={errors.conclusion}
        withAsterisk
        data-testid="round-conclusion"
      />
      <FormError error={report.error} placed={(p) => p === 'reportedOn' || p === 'conclusion'} testId="round-report-error" />
      <Group justify="flex-end">
        <Button onClick={() => report.mutate({ id: round.id, reportedOn, conclusion }, { onSuccess: onSaved })} loading={report.isPending} data-testid="round-report-save">
          Ghi nhận báo cáo kết quả
        </Button>
      </Group>
    </Stack>
  );
}
