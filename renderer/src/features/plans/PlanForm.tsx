import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, PlanMetric, PlanTargetMode } from '../../../../core/contract/index';
import { PLAN_METRICS, PLAN_METRIC_LABELS, PLAN_MODE_LABELS } from '../../../../core/contract/index';
import { modesFor } from '../../../../core/plans/labels';
import { useSavePlan } from './mutations';

type TargetDraft = { metric: PlanMetric; mode: PlanTargetMode; value: number; officeCode: string; achievedManual: number | null };

export type PlanFormProps = { year: number; onSaved: (id: string) => void };

/** A new plan from its directive: source document, period, and the targets it sets (entered, never supplied). */
export function PlanForm({ year, onSaved }: PlanFormProps) {
  const save = useSavePlan();
  const [title, setTitle] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [issuer, setIssuer] = useState('');
  const [yearFrom, setYearFrom] = useState(year);
  const [yearTo, setYearTo] = useState(year);
  const [targets, setTargets] = useState<TargetDraft[]>([{ metric: 'xa_ntm', mode: 'new', value: 1, officeCode: '', achievedManual: null }]);
  const update = (i: number, patch: Partial<TargetDraft>) => setTargets((ts) => ts.map((t, k) => (k === i ? { ...t, ...patch } : t)));
  const submit = () => {
    const input: MethodInput<'plans.save'> = {
      title,
      documentNo,
      documentDate,
      issuer,
      yearFrom,
      yearTo,
      targets: targets.map((t) => ({ metric: t.metric, mode: t.mode, value: t.value, officeCode: t.officeCode || null, achievedManual: t.metric === 'thon_ntm' ? t.achievedManual : null })),
    };
    save.mutate(input, { onSuccess: (p) => onSaved(p.id) });
  };
  return (
    <Stack gap="sm" data-testid="plan-form">
      <TextInput label="Tên kế hoạch" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="plan-title" />
      <Group grow>
        <TextInput label="Số văn bản" placeholder="125/KH-UBND" value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} required data-testid="plan-doc-no" />
        <TextInput label="Ngày ban hành" type="date" value={documentDate} onChange={(e) => setDocumentDate(e.currentTarget.value)} required data-testid="plan-doc-date" />
        <TextInput label="Cơ quan ban hành" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} required data-testid="plan-issuer" />
      </Group>
      <Group grow>
        <NumberInput label="Từ năm" value={yearFrom} onChange={(v) => setYearFrom(Number(v))} min={2010} max={2100} data-testid="plan-year-from" />
        <NumberInput label="Đến năm" value={yearTo} onChange={(v) => setYearTo(Number(v))} min={2010} max={2100} data-testid="plan-year-to" />
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Cách tính</Table.Th>
            <Table.Th>Giá trị</Table.Th>
            <Table.Th>Giao cho văn phòng (mã)</Table.Th>
            <Table.Th>Kết quả nhập tay</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((t, i) => (
            <Table.Tr key={i}>
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
                <Select aria-label="Cách tính" data={modesFor(t.metric).map((m) => ({ value: m, label: PLAN_MODE_LABELS[m] }))} value={t.mode} onChange={(v) => v && update(i, { mode: v as PlanTargetMode })} allowDeselect={false} />
              </Table.Td>
              <Table.Td>
                <NumberInput aria-label="Giá trị chỉ tiêu" value={t.value} onChange={(v) => update(i, { value: Number(v) })} min={0} decimalScale={1} w={100} data-testid={`target-value-${i}`} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label="Mã văn phòng" placeholder="cả địa bàn" value={t.officeCode} onChange={(e) => update(i, { officeCode: e.currentTarget.value })} w={120} />
              </Table.Td>
              <Table.Td>
                {t.metric === 'thon_ntm' ? (
                  <NumberInput aria-label="Kết quả thôn, bản" value={t.achievedManual ?? ''} onChange={(v) => update(i, { achievedManual: v === '' ? null : Number(v) })} min={0} w={100} />
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
      <Group justify="space-between">
        <Button variant="light" onClick={() => setTargets((ts) => [...ts, { metric: 'xa_ntm_nang_cao', mode: 'new', value: 1, officeCode: '', achievedManual: null }])} data-testid="plan-add-target">
          Thêm chỉ tiêu
        </Button>
        <Button onClick={submit} loading={save.isPending} data-testid="plan-save">
          Lưu kế hoạch
        </Button>
      </Group>
    </Stack>
  );
}
