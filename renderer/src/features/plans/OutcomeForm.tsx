import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RoundDetail, RoundItem, RoundOutcome } from '../../../../core/contract/index';
import {
  COMMUNE_OUTCOMES,
  COMMUNE_OUTCOME_LABELS,
  NTM_LEVEL_LABELS,
  PRODUCT_OUTCOMES,
  PRODUCT_OUTCOME_LABELS,
} from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useSetOutcome } from './mutations';
import { useOcopEvaluations, useOcopMeta } from './queries';

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');
const LEVEL_LABEL: Record<string, string> = {
  self: 'chủ thể tự chấm',
  commune: 'UBND xã',
  province: 'Hội đồng cấp tỉnh',
  central: 'Hội đồng cấp trung ương',
};

export type OutcomeFormProps = { round: RoundDetail; item: RoundItem; onSaved: () => void };

/**
 * The round's outcome for one commune (duy trì / phải khắc phục trước ngày … / đề nghị thu hồi) or OCOP product
 * (giữ hạng / nâng hạng / hạ hạng / thu hồi, against the re-scoring on the sheet in force), with its reason. The
 * service checks the outcome; its Vietnamese message shows here.
 */
export function OutcomeForm({ round, item, onSaved }: OutcomeFormProps) {
  const save = useSetOutcome();
  const isCommune = item.kind === 'commune';
  const current = item.outcome;
  const [outcome, setOutcome] = useState<RoundOutcome | null>(current?.outcome ?? null);
  const [reason, setReason] = useState(current?.reason ?? '');
  const [decidedOn, setDecidedOn] = useState(current?.decidedOn ?? item.checkedOn ?? '');
  const [remedyDue, setRemedyDue] = useState(current?.remedyDue ?? '');
  const [remediedOn, setRemediedOn] = useState(current?.remediedOn ?? '');
  const [evaluationId, setEvaluationId] = useState<string | null>(current?.rescore?.evaluationId ?? null);
  const evaluations = useOcopEvaluations(isCommune ? null : item.productId);
  const meta = useOcopMeta();
  const errors = formErrors(save.error);
  const options = isCommune
    ? COMMUNE_OUTCOMES.map((o) => ({ value: o as string, label: COMMUNE_OUTCOME_LABELS[o] }))
    : PRODUCT_OUTCOMES.map((o) => ({ value: o as string, label: PRODUCT_OUTCOME_LABELS[o] }));
  const submit = (clear = false) =>
    save.mutate(
      clear
        ? { roundId: round.id, itemId: item.id, outcome: null }
        : {
            roundId: round.id,
            itemId: item.id,
            outcome,
            reason,
            decidedOn: decidedOn || null,
            remedyDue: outcome === 'remedy' ? remedyDue || null : null,
            remediedOn: outcome === 'remedy' ? remediedOn || null : null,
            evaluationId: isCommune ? undefined : evaluationId,
          },
      { onSuccess: onSaved },
    );
  return (
    <Stack gap="sm" data-testid="outcome-form">
      <Text size="sm">
        <b>{item.name}</b>
        <Text span size="xs" c="dimmed">
          {' '}
          · {item.reason}
        </Text>
      </Text>
      <Group grow align="flex-start">
        <Select
          label="Kết quả xử lý"
          placeholder="Chọn kết quả"
          data={options}
          value={outcome}
          onChange={(v) => setOutcome(v as RoundOutcome | null)}
          error={errors.outcome}
          withAsterisk
          data-testid="outcome-select"
        />
        <TextInput
          label="Ngày kết luận (để trống: hôm nay)"
          type="date"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.currentTarget.value)}
          error={errors.decidedOn}
          data-testid="outcome-decided"
        />
      </Group>
      {outcome === 'remedy' && (
        <Group grow align="flex-start">
          <TextInput
            label="Phải khắc phục trước ngày"
            type="date"
            value={remedyDue}
            onChange={(e) => setRemedyDue(e.currentTarget.value)}
            error={errors.remedyDue}
            withAsterisk
            data-testid="outcome-remedy-due"
          />
          <TextInput
            label="Ngày hoàn thành khắc phục"
            description="Ghi khi xã đã khắc phục xong"
            type="date"
            value={remediedOn}
            onChange={(e) => setRemediedOn(e.currentTarget.value)}
            error={errors.remediedOn}
            data-testid="outcome-remedied"
          />
        </Group>
      )}
      {!isCommune && (
        <Select
          label="Phiếu chấm lại"
          description={`Chấm lại theo bộ tiêu chí hiện hành${meta.data ? ` (${meta.data.currentVersion})` : ''}; để trống chỉ khi thu hồi vì vi phạm.`}
          placeholder={evaluations.data?.length === 0 ? 'Sản phẩm chưa có phiếu chấm nào' : 'Chọn phiếu chấm lại'}
          clearable
          data={(evaluations.data ?? []).map((e) => ({
            value: e.id,
            label: `${vnDate(e.evaluatedOn)} · ${e.catalogVersion} · ${e.complete ? `${e.stars ?? 0} sao (${String(e.total ?? 0).replace('.', ',')} điểm)` : 'chưa chấm xong'} · ${LEVEL_LABEL[e.level] ?? e.level}`,
          }))}
          value={evaluationId}
          onChange={setEvaluationId}
          error={errors.evaluationId}
          data-testid="outcome-evaluation"
        />
      )}
      <Textarea
        label="Lý do"
        placeholder={
          isCommune
            ? 'Ví dụ: 6/19 tiêu chí không đạt, trong đó tiêu chí 17 (môi trường)'
            : 'Ví dụ: chấm lại đạt 92 điểm, đủ điều kiện 5 sao'
        }
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        withAsterisk={outcome !== null && outcome !== 'maintained'}
        data-testid="outcome-reason"
      />
      {current?.recognition && (
        <Alert
          color={current.recognition.revokedOn ? 'red' : 'gray'}
          variant="light"
          p="xs"
          data-testid="outcome-recognition"
        >
          Quyết định công nhận {NTM_LEVEL_LABELS[current.recognition.level]} {current.recognition.decisionNo} ngày{' '}
          {vnDate(current.recognition.decidedOn)}
          {current.recognition.revokedOn
            ? `: đã thu hồi theo QĐ ${current.recognition.revokedDecisionNo} ngày ${vnDate(current.recognition.revokedOn)}.`
            : ': chưa có quyết định thu hồi.'}
        </Alert>
      )}
      <FormError
        error={save.error}
        placed={(p) => ['outcome', 'reason', 'decidedOn', 'remedyDue', 'remediedOn', 'evaluationId'].includes(p)}
        testId="outcome-error"
      />
      <Group justify="space-between">
        {current ? (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => submit(true)}
            loading={save.isPending}
            data-testid="outcome-clear"
          >
            Xóa kết quả
          </Button>
        ) : (
          <span />
        )}
        <Button
          onClick={() => submit()}
          disabled={outcome === null}
          loading={save.isPending}
          data-testid="outcome-save"
        >
          Ghi kết quả
        </Button>
      </Group>
    </Stack>
  );
}
