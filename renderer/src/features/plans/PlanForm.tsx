import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, PlanDetail, PlanMetric, PlanTargetMode } from '../../../../core/contract/index';
import { PLAN_METRICS, PLAN_METRIC_LABELS, PLAN_MODE_LABELS } from '../../../../core/contract/index';
import { modesFor } from '../../../../core/plans/labels';
import { ApiError } from '../../api/client';
import { FormError, formErrors } from './FormError';
import { useDeletePlan, useSavePlan } from './mutations';

type TargetDraft = { metric: PlanMetric; mode: PlanTargetMode; value: number; officeCode: string; achievedManual: number | null; note: string };

const draftOf = (t: PlanDetail['targets'][number]): TargetDraft => ({
  metric: t.metric,
  mode: t.mode,
  value: t.value,
  officeCode: t.officeCode ?? '',
  achievedManual: t.achievedManual,
  note: t.note ?? '',
});

export type PlanFormProps = { year: number; plan?: PlanDetail; onSaved: (id: string) => void; onDeleted?: () => void };

/**
 * A plan from its directive: source document, period, and the targets it sets (entered, never supplied). With
 * `plan`, edits it: the targets given replace the plan's targets (services/plans/plans.ts). The service's
 * Vietnamese messages show under the fields they concern, the others above the buttons.
 */
export function PlanForm({ year, plan, onSaved, onDeleted }: PlanFormProps) {
  const save = useSavePlan();
  const remove = useDeletePlan();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [title, setTitle] = useState(plan?.title ?? '');
  const [documentNo, setDocumentNo] = useState(plan?.documentNo ?? '');
  const [documentDate, setDocumentDate] = useState(plan?.documentDate ?? '');
  const [issuer, setIssuer] = useState(plan?.issuer ?? '');
  const [yearFrom, setYearFrom] = useState(plan?.yearFrom ?? year);
  const [yearTo, setYearTo] = useState(plan?.yearTo ?? year);
  const [note, setNote] = useState(plan?.note ?? '');
  const [targets, setTargets] = useState<TargetDraft[]>(
    plan ? plan.targets.map(draftOf) : [{ metric: 'xa_ntm', mode: 'new', value: 1, officeCode: '', achievedManual: null, note: '' }],
  );
  const errors = formErrors(save.error);
  const periodError = save.error instanceof ApiError && save.error.code === 'PLAN_PERIOD_INVALID' ? save.error.message : undefined;
  const update = (i: number, patch: Partial<TargetDraft>) => setTargets((ts) => ts.map((t, k) => (k === i ? { ...t, ...patch } : t)));
  const submit = () => {
    const input: MethodInput<'plans.save'> = {
      id: plan?.id,
      title,
      documentNo,
      documentDate,
      issuer,
      yearFrom,
      yearTo,
      note,
      targets: targets.map((t) => ({
        metric: t.metric,
        mode: t.mode,
        value: t.value,
        officeCode: t.officeCode || null,
        achievedManual: t.metric === 'thon_ntm' ? t.achievedManual : null,
        note: t.note,
      })),
    };
    save.mutate(input, { onSuccess: (p) => onSaved(p.id) });
  };
  const targetError = (i: number) => errors[`targets.${i}.value`] ?? errors[`targets.${i}.metric`] ?? errors[`targets.${i}.mode`];
  return (
    <Stack gap="sm" data-testid="plan-form">
      <TextInput label="Tên kế hoạch" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} withAsterisk data-testid="plan-title" />
      <Group grow align="flex-start">
        <TextInput label="Số văn bản" placeholder="125/KH-UBND" value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} error={errors.documentNo} withAsterisk data-testid="plan-doc-no" />
        <TextInput label="Ngày ban hành" type="date" value={documentDate} onChange={(e) => setDocumentDate(e.currentTarget.value)} error={errors.documentDate} withAsterisk data-testid="plan-doc-date" />
        <TextInput label="Cơ quan ban hành" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={errors.issuer} withAsterisk data-testid="plan-issuer" />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label="Từ năm" value={yearFrom} onChange={(v) => setYearFrom(Number(v))} min={2010} max={2100} error={errors.yearFrom} data-testid="plan-year-from" />
        <NumberInput label="Đến năm" value={yearTo} onChange={(v) => setYearTo(Number(v))} min={2010} max={2100} error={errors.yearTo ?? periodError} data-testid="plan-year-to" />
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Cách tính</Table.Th>
            <Table.Th>Giá trị</Table.Th>
            <Table.Th>Giao cho văn phòng (mã)</Table.Th>
            <Table.Th>Kết quả nhập tay (thôn, bản)</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((t, i) => (
            <Table.Tr key={i} data-testid={`target-row-${i}`}>
              <Table.Td>
                <Select
                  aria-label="Chỉ tiêu"
                  data={PLAN_METRICS.map((m) => ({ value: m, label: PLAN_METRIC_LABELS[m] }))}
                  value={t.metric}
                  onChange={(v) => v && update(i, { metric: v as PlanMetric, mode: modesFor(v as PlanMetric)[0]! })}
                  allowDeselect={false}
                  data-testid={`target-metric-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label="Cách tính"
                  data={modesFor(t.metric).map((m) => ({ value: m, label: PLAN_MODE_LABELS[m] }))}
                  value={t.mode}
                  onChange={(v) => v && update(i, { mode: v as PlanTargetMode })}
                  allowDeselect={false}
                  data-testid={`target-mode-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label="Giá trị chỉ tiêu"
                  value={t.value}
                  onChange={(v) => update(i, { value: Number(v) })}
                  min={0}
                  decimalScale={1}
                  w={100}
                  error={targetError(i)}
                  data-testid={`target-value-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label="Mã văn phòng" placeholder="cả địa bàn" value={t.officeCode} onChange={(e) => update(i, { officeCode: e.currentTarget.value })} w={120} />
              </Table.Td>
              <Table.Td>
                {t.metric === 'thon_ntm' ? (
                  <Stack gap={4}>
                    <NumberInput aria-label="Kết quả thôn, bản" value={t.achievedManual ?? ''} onChange={(v) => update(i, { achievedManual: v === '' ? null : Number(v) })} min={0} w={100} />
                    <TextInput aria-label="Nguồn số liệu thôn, bản" placeholder="Nguồn số liệu" size="xs" value={t.note} onChange={(e) => update(i, { note: e.currentTarget.value })} />
                  </Stack>
                ) : null}
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label="Bỏ chỉ tiêu" onClick={() => setTargets((ts) => ts.filter((_, k) => k !== i))}>
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea label="Ghi chú" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
      <FormError error={save.error} placed={(p) => /^(title|documentNo|documentDate|issuer|yearFrom|yearTo|note|targets\.\d+\.(value|metric|mode))$/.test(p)} testId="plan-error" />
      <FormError error={remove.error} testId="plan-delete-error" />
      <Group justify="space-between">
        <Group>
          <Button
            variant="light"
            onClick={() => setTargets((ts) => [...ts, { metric: 'xa_ntm_nang_cao', mode: 'new', value: 1, officeCode: '', achievedManual: null, note: '' }])}
            data-testid="plan-add-target"
          >
            Thêm chỉ tiêu
          </Button>
          {plan && onDeleted && (
            <Button
              variant={confirmDelete ? 'filled' : 'subtle'}
              color="red"
              loading={remove.isPending}
              onClick={() => (confirmDelete ? remove.mutate({ id: plan.id }, { onSuccess: onDeleted }) : setConfirmDelete(true))}
              data-testid="plan-delete"
            >
              {confirmDelete ? 'Bấm lần nữa để xóa kế hoạch' : 'Xóa kế hoạch'}
            </Button>
          )}
        </Group>
        <Button onClick={submit} loading={save.isPending} data-testid="plan-save">
          {plan ? 'Lưu thay đổi' : 'Lưu kế hoạch'}
        </Button>
      </Group>
    </Stack>
  );
}
