import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, PlanTask, TaskStatus } from '../../../../core/contract/index';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useSaveTaskForm } from './mutations';
import { useCommunes, useNtmCatalog, useNtmCatalogs } from './queries';

type CriterionOption = { no: number; name: string; sector: string | null };

/** The criteria of a catalog document (ntm.catalogs.get returns the document as data, typed unknown). */
function criteriaOf(document: unknown): CriterionOption[] {
  const list = (document as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(list)) return [];
  return list
    .filter((c): c is { no: number; name: string; responsibleSector?: { name?: string } | null } => typeof c?.no === 'number' && typeof c?.name === 'string')
    .map((c) => ({ no: c.no, name: c.name, sector: c.responsibleSector?.name ?? null }));
}

export type TaskFormProps = { task?: PlanTask; onSaved: () => void };

/**
 * A sector task by hand (commune, catalog, criterion, deadline; the sector defaults to the catalog's responsible
 * one), or an existing task's title, sector, deadline, status and note.
 */
export function TaskForm({ task, onSaved }: TaskFormProps) {
  const save = useSaveTaskForm();
  const communes = useCommunes();
  const catalogs = useNtmCatalogs();
  const [unitCode, setUnitCode] = useState<string | null>(task?.unitCode ?? null);
  const [catalogId, setCatalogId] = useState<string | null>(task?.catalogId ?? null);
  const [criterionNo, setCriterionNo] = useState<string | null>(task ? String(task.criterionNo) : null);
  const [title, setTitle] = useState(task?.title ?? '');
  const [sector, setSector] = useState(task?.sector ?? '');
  const [dueOn, setDueOn] = useState(task?.dueOn ?? '');
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'open');
  const [note, setNote] = useState(task?.note ?? '');
  const catalog = useNtmCatalog(task ? null : catalogId);
  const criteria = criteriaOf(catalog.data?.document);
  const errors = formErrors(save.error);
  const submit = () => {
    const common = { title: title.trim() || undefined, sector: sector.trim() || undefined, dueOn: dueOn || undefined, status, note };
    const input: MethodInput<'plans.tasks.save'> = task
      ? { id: task.id, ...common }
      : { ...common, unitCode: unitCode ?? undefined, catalogId: catalogId ?? undefined, criterionNo: criterionNo ? Number(criterionNo) : undefined };
    save.mutate(input, { onSuccess: onSaved });
  };
  const picked = criteria.find((c) => String(c.no) === criterionNo);
  return (
    <Stack gap="sm" data-testid="task-form">
      {task ? (
        <TextInput label="Xã, tiêu chí" value={`${task.communeName} · tiêu chí ${task.criterionNo}. ${task.criterionName}`} readOnly variant="filled" />
      ) : (
        <>
          <Group grow align="flex-start">
            <Select
              label="Xã"
              searchable
              data={(communes.data ?? []).map((c) => ({ value: c.unitCode, label: c.fullName }))}
              value={unitCode}
              onChange={setUnitCode}
              error={errors.unitCode}
              withAsterisk
              data-testid="task-commune"
            />
            <Select
              label="Bộ tiêu chí"
              data={(catalogs.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.decision})` }))}
              value={catalogId}
              onChange={(v) => {
                setCatalogId(v);
                setCriterionNo(null);
              }}
              error={errors.catalogId}
              withAsterisk
              data-testid="task-catalog"
            />
          </Group>
          <Select
            label="Tiêu chí"
            searchable
            disabled={!catalogId}
            data={criteria.map((c) => ({ value: String(c.no), label: `${c.no}. ${c.name}` }))}
            value={criterionNo}
            onChange={setCriterionNo}
            error={errors.criterionNo}
            withAsterisk
            data-testid="task-criterion"
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
        <TextInput label="Thời hạn" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} withAsterisk data-testid="task-due" />
        <Select
          label="Trạng thái"
          data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => v && setStatus(v as TaskStatus)}
          allowDeselect={false}
          data-testid="task-status"
        />
      </Group>
      <Textarea label="Ghi chú" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} data-testid="task-note" />
      <FormError error={save.error} placed={(p) => ['unitCode', 'catalogId', 'criterionNo', 'title', 'sector', 'dueOn', 'note'].includes(p)} testId="task-error" />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="task-save">
          {task ? 'Lưu thay đổi' : 'Giao nhiệm vụ'}
        </Button>
      </Group>
    </Stack>
  );
}
