import { Button, Divider, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, PlanTask, TaskStatus } from '../../../../core/contract/index';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useSaveTaskForm } from './mutations';
import { useCommunes, useCriterionSectors, useNtmCatalogs, useOcopProducts, useRounds, useStaff } from './queries';
import { taskLinks } from './taskText';

export type TaskFormProps = { task?: PlanTask; onSaved: () => void };

const FIELDS = [
  'unitCode',
  'catalogId',
  'criterionNo',
  'productId',
  'roundId',
  'title',
  'sector',
  'staffId',
  'dueOn',
  'note',
  'documentNo',
  'documentDate',
  'documentIssuer',
];

/**
 * A task by hand: what it is about (a commune, a criterion of a catalog, an OCOP product, a round: any of them), whom
 * it is for (a sector, which defaults to the criterion's responsible one, and/or a staff member), the deadline and
 * the document that assigned it. An existing task keeps its links; its assignee, deadline, status, note and document
 * can change.
 */
export function TaskForm({ task, onSaved }: TaskFormProps) {
  const save = useSaveTaskForm();
  const communes = useCommunes();
  const catalogs = useNtmCatalogs();
  const products = useOcopProducts();
  const rounds = useRounds();
  const staff = useStaff();
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const [criterionNo, setCriterionNo] = useState<string | null>(null);
  const [productId, setProductId] = useState<string | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [title, setTitle] = useState(task?.title ?? '');
  const [sector, setSector] = useState(task?.sector ?? '');
  const [staffId, setStaffId] = useState<string | null>(task?.staffId ?? null);
  const [dueOn, setDueOn] = useState(task?.dueOn ?? '');
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'open');
  const [note, setNote] = useState(task?.note ?? '');
  const [documentNo, setDocumentNo] = useState(task?.document?.no ?? '');
  const [documentDate, setDocumentDate] = useState(task?.document?.date ?? '');
  const [documentIssuer, setDocumentIssuer] = useState(task?.document?.issuer ?? '');
  // The criteria with the office's own responsible sectors (ngành phụ trách), for the default.
  const sectors = useCriterionSectors(task ? null : catalogId);
  const criteria = sectors.data?.criteria ?? [];
  const errors = formErrors(save.error);
  const submit = () => {
    const common = {
      title: title.trim() || undefined,
      sector: sector.trim() || (task ? null : undefined),
      staffId: staffId ?? (task ? null : undefined),
      dueOn: dueOn || undefined,
      status,
      note,
      documentNo,
      documentDate: documentDate || null,
      documentIssuer,
    };
    const input: MethodInput<'plans.tasks.save'> = task
      ? { id: task.id, ...common }
      : {
          ...common,
          unitCode: unitCode ?? undefined,
          catalogId: catalogId ?? undefined,
          criterionNo: criterionNo ? Number(criterionNo) : undefined,
          productId: productId ?? undefined,
          roundId: roundId ?? undefined,
        };
    save.mutate(input, { onSuccess: onSaved });
  };
  const picked = criteria.find((c) => String(c.no) === criterionNo);
  return (
    <Stack gap="sm" data-testid="task-form">
      {task ? (
        <TextInput label="Gắn với" value={taskLinks(task) || '—'} readOnly variant="filled" />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Gắn nhiệm vụ với ít nhất một trong: xã, tiêu chí, sản phẩm OCOP, đợt rà soát.
          </Text>
          <Group grow align="flex-start">
            <Select
              label="Xã"
              searchable
              clearable
              data={(communes.data ?? []).map((c) => ({ value: c.unitCode, label: c.fullName }))}
              value={unitCode}
              onChange={setUnitCode}
              error={errors.unitCode}
              data-testid="task-commune"
            />
            <Select
              label="Đợt rà soát"
              clearable
              data={(rounds.data ?? [])
                .filter((r) => !r.readOnly)
                .map((r) => ({ value: r.id, label: `${r.documentNo} — ${r.title}` }))}
              value={roundId}
              onChange={setRoundId}
              error={errors.roundId}
              data-testid="task-round"
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Bộ tiêu chí"
              clearable
              data={(catalogs.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.decision})` }))}
              value={catalogId}
              onChange={(v) => {
                setCatalogId(v);
                setCriterionNo(null);
              }}
              error={errors.catalogId}
              data-testid="task-catalog"
            />
            <Select
              label="Tiêu chí"
              searchable
              clearable
              disabled={!catalogId}
              data={criteria.map((c) => ({ value: String(c.no), label: `${c.no}. ${c.name}` }))}
              value={criterionNo}
              onChange={setCriterionNo}
              error={errors.criterionNo}
              data-testid="task-criterion"
            />
          </Group>
          <Select
            label="Sản phẩm OCOP"
            searchable
            clearable
            data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.productCode})` }))}
            value={productId}
            onChange={setProductId}
            error={errors.productId}
            data-testid="task-product"
          />
        </>
      )}
      <TextInput
        label="Nhiệm vụ"
        placeholder={task ? undefined : 'Để trống: "Tiêu chí … tại xã …"'}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        data-testid="task-title"
      />
      <Group grow align="flex-start">
        <TextInput
          label="Ngành phụ trách"
          placeholder={picked?.sector ?? 'theo bộ tiêu chí'}
          value={sector}
          onChange={(e) => setSector(e.currentTarget.value)}
          error={errors.sector}
          data-testid="task-sector"
        />
        <Select
          label="Cán bộ được giao"
          placeholder="Không giao cho cán bộ"
          clearable
          data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={staffId}
          onChange={setStaffId}
          error={errors.staffId}
          data-testid="task-staff"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="Thời hạn"
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={errors.dueOn}
          withAsterisk
          data-testid="task-due"
        />
        <Select
          label="Trạng thái"
          data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => v && setStatus(v as TaskStatus)}
          allowDeselect={false}
          data-testid="task-status"
        />
      </Group>
      <Divider label="Văn bản giao nhiệm vụ" labelPosition="left" />
      <Group grow align="flex-start">
        <TextInput
          label="Số văn bản"
          placeholder="45/TB-UBND"
          value={documentNo}
          onChange={(e) => setDocumentNo(e.currentTarget.value)}
          error={errors.documentNo}
          data-testid="task-doc-no"
        />
        <TextInput
          label="Ngày ban hành"
          type="date"
          value={documentDate}
          onChange={(e) => setDocumentDate(e.currentTarget.value)}
          error={errors.documentDate}
          data-testid="task-doc-date"
        />
      </Group>
      <TextInput
        label="Cơ quan ban hành"
        placeholder="UBND huyện …"
        value={documentIssuer}
        onChange={(e) => setDocumentIssuer(e.currentTarget.value)}
        error={errors.documentIssuer}
        data-testid="task-doc-issuer"
      />
      <Textarea
        label="Ghi chú"
        autosize
        minRows={1}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        data-testid="task-note"
      />
      <FormError error={save.error} placed={(p) => FIELDS.includes(p)} testId="task-error" />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="task-save">
          {task ? 'Lưu thay đổi' : 'Giao nhiệm vụ'}
        </Button>
      </Group>
    </Stack>
  );
}
