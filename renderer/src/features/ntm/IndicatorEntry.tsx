import { Anchor, Badge, Button, Code, FileButton, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { NtmIndicatorView } from '../../../../core/contract/index';
import { ApiError } from '../../api/client';
import { clearDraft, draftKey, readDraft, writeDraft, type DraftField } from './drafts';
import { formatDateTime, formatNumber } from './format';
import { downloadEvidence, useAddEvidence, useSetIndicatorValue } from './mutations';
import { enqueueSave } from './saveQueue';
import { INDICATOR_STATUS } from './statusStyle';

export type IndicatorEntryProps = {
  indicator: NtmIndicatorView;
  unitCode: string;
  period: string;
  readOnly: boolean;
};

type SaveState = { kind: 'idle' } | { kind: 'draft' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string };
type Patch = { value?: boolean | number | string | null; manualMet?: boolean | null; evidence?: string | null };

function errorText(e: unknown): string {
  if (e instanceof ApiError) return `${e.message} (mã lỗi ${e.code})`;
  return e instanceof Error ? e.message : String(e);
}

/** Moves to the next entry stop of the page (value, first judgement button, evidence note), in page order. */
function focusNextStop(from: HTMLElement) {
  const stops = [...document.querySelectorAll<HTMLElement>('[data-entry-stop]:not([disabled])')];
  const next = stops[stops.indexOf(from) + 1];
  next?.focus();
  if (next && 'select' in next && typeof next.select === 'function') (next as HTMLInputElement).select();
}

function useSaver(unitCode: string, period: string, code: string, initial: SaveState) {
  const mutation = useSetIndicatorValue();
  const [state, setState] = useState<SaveState>(initial);
  const save = async (patch: Patch, draft?: string): Promise<boolean> => {
    setState({ kind: 'saving' });
    try {
      await enqueueSave(() => mutation.mutateAsync({ unitCode, period, indicatorCode: code, ...patch }));
      if (draft) clearDraft(draft);
      setState({ kind: 'saved' });
      return true;
    } catch (e) {
      setState({ kind: 'error', text: errorText(e) });
      return false;
    }
  };
  return { state, setState, save };
}

function SaveMark({ state, testId }: { state: SaveState; testId: string }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'draft':
      return (
        <Text size="xs" c="orange.8" data-testid={testId} data-state="draft">
          ● Chưa lưu (bản nháp giữ trên máy)
        </Text>
      );
    case 'saving':
      return (
        <Text size="xs" c="dimmed" data-testid={testId} data-state="saving">
          Đang lưu…
        </Text>
      );
    case 'saved':
      return (
        <Text size="xs" c="green.8" data-testid={testId} data-state="saved">
          ✓ Đã lưu
        </Text>
      );
    case 'error':
      return (
        <Text size="xs" c="red.8" role="alert" data-testid={testId} data-state="error">
          {state.text}
        </Text>
      );
    default: {
      const never: never = state;
      return never;
    }
  }
}

/**
 * A text-like field (number, percent, text, evidence note) that keeps a draft in localStorage while it
 * differs from what the host has, saves on blur or Enter, and moves on with Enter.
 */
function useDraftedField(key: string, serverText: string) {
  const [text, setText] = useState(() => readDraft(key) ?? serverText);
  const dirty = useRef(readDraft(key) !== null && readDraft(key) !== serverText);
  const lastSubmitted = useRef<string | null>(null);
  useEffect(() => {
    if (!dirty.current) setText(serverText);
  }, [serverText]);
  const change = (next: string) => {
    setText(next);
    dirty.current = next !== serverText;
    lastSubmitted.current = null;
    if (dirty.current) writeDraft(key, next);
    else clearDraft(key);
  };
  return { text, change, dirty, lastSubmitted };
}

function numberText(v: NtmIndicatorView['value']): string {
  return typeof v === 'number' ? String(v) : '';
}

type FieldProps = IndicatorEntryProps & { field: DraftField };

function NumberValueField({ indicator, unitCode, period, readOnly }: FieldProps) {
  const key = draftKey(unitCode, period, indicator.code, 'value');
  const f = useDraftedField(key, numberText(indicator.value));
  const saver = useSaver(unitCode, period, indicator.code, f.dirty.current ? { kind: 'draft' } : { kind: 'idle' });
  const commit = async () => {
    if (!f.dirty.current || f.lastSubmitted.current === f.text) return;
    const trimmed = f.text.trim();
    const value = trimmed === '' ? null : Number(trimmed.replace(',', '.'));
    if (value !== null && !Number.isFinite(value)) {
      saver.setState({ kind: 'error', text: 'Giá trị phải là một số.' });
      return;
    }
    f.lastSubmitted.current = f.text;
    if (await saver.save({ value }, key)) f.dirty.current = false;
  };
  const percent = indicator.valueKind === 'percent';
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <NumberInput
        aria-label={`${indicator.code}: ${percent ? 'tỷ lệ (%)' : `giá trị${indicator.unit ? ` (${indicator.unit})` : ''}`}`}
        placeholder={percent ? 'Tỷ lệ %' : (indicator.unit ?? 'Giá trị')}
        size="xs"
        w={160}
        value={f.text === '' ? '' : Number.isFinite(Number(f.text)) ? Number(f.text) : f.text}
        onChange={(v) => {
          f.change(typeof v === 'number' ? String(v) : v);
          saver.setState({ kind: 'draft' });
        }}
        onBlur={() => void commit()}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void commit();
          focusNextStop(e.currentTarget);
        }}
        decimalSeparator=","
        thousandSeparator="."
        allowNegative={false}
        min={0}
        max={percent ? 100 : undefined}
        clampBehavior="none"
        hideControls
        suffix={percent ? ' %' : undefined}
        disabled={readOnly}
        error={saver.state.kind === 'error'}
        data-entry-stop=""
        data-testid={`ind-${indicator.code}-value`}
      />
      <SaveMark state={saver.state} testId={`ind-${indicator.code}-saved-value`} />
    </Group>
  );
}

function TextValueField({ indicator, unitCode, period, readOnly }: FieldProps) {
  const key = draftKey(unitCode, period, indicator.code, 'value');
  const f = useDraftedField(key, typeof indicator.value === 'string' ? indicator.value : '');
  const saver = useSaver(unitCode, period, indicator.code, f.dirty.current ? { kind: 'draft' } : { kind: 'idle' });
  const commit = async () => {
    if (!f.dirty.current || f.lastSubmitted.current === f.text) return;
    f.lastSubmitted.current = f.text;
    if (await saver.save({ value: f.text.trim() === '' ? null : f.text }, key)) f.dirty.current = false;
  };
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <TextInput
        aria-label={`${indicator.code}: giá trị`}
        placeholder="Giá trị"
        size="xs"
        w={260}
        value={f.text}
        onChange={(e) => {
          f.change(e.currentTarget.value);
          saver.setState({ kind: 'draft' });
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void commit();
          focusNextStop(e.currentTarget);
        }}
        disabled={readOnly}
        error={saver.state.kind === 'error'}
        data-entry-stop=""
        data-testid={`ind-${indicator.code}-value`}
      />
      <SaveMark state={saver.state} testId={`ind-${indicator.code}-saved-value`} />
    </Group>
  );
}

type ToggleOption = { value: boolean; label: string; color: string; testId: string };

function Toggle({ value, options, onPick, disabled, label }: { value: boolean | null; options: [ToggleOption, ToggleOption]; onPick: (v: boolean) => void; disabled: boolean; label: string }) {
  return (
    <Button.Group aria-label={label}>
      {options.map((o, i) => (
        <Button
          key={o.label}
          size="xs"
          variant={value === o.value ? 'filled' : 'default'}
          color={o.color}
          aria-pressed={value === o.value}
          disabled={disabled}
          onClick={() => value !== o.value && onPick(o.value)}
          data-entry-stop={i === 0 ? '' : undefined}
          data-testid={o.testId}
        >
          {value === o.value ? (o.value ? '✓ ' : '✗ ') : ''}
          {o.label}
        </Button>
      ))}
    </Button.Group>
  );
}

function BooleanValueField({ indicator, unitCode, period, readOnly }: FieldProps) {
  const saver = useSaver(unitCode, period, indicator.code, { kind: 'idle' });
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Toggle
        label={`Giá trị chỉ tiêu ${indicator.code}`}
        value={typeof indicator.value === 'boolean' ? indicator.value : null}
        disabled={readOnly}
        onPick={(v) => void saver.save({ value: v })}
        options={[
          { value: true, label: 'Có', color: 'green', testId: `ind-${indicator.code}-yes` },
          { value: false, label: 'Không', color: 'gray', testId: `ind-${indicator.code}-no` },
        ]}
      />
      <SaveMark state={saver.state} testId={`ind-${indicator.code}-saved-value`} />
    </Group>
  );
}

function ChoiceValueField({ indicator, unitCode, period, readOnly }: FieldProps) {
  const saver = useSaver(unitCode, period, indicator.code, { kind: 'idle' });
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Select
        aria-label={`${indicator.code}: mức đạt`}
        size="xs"
        w={200}
        data={indicator.choices ?? []}
        value={typeof indicator.value === 'string' ? indicator.value : null}
        onChange={(v) => void saver.save({ value: v })}
        placeholder="Chọn…"
        disabled={readOnly}
        error={saver.state.kind === 'error'}
        data-entry-stop=""
        data-testid={`ind-${indicator.code}-value`}
      />
      <SaveMark state={saver.state} testId={`ind-${indicator.code}-saved-value`} />
    </Group>
  );
}

function ValueField(props: FieldProps) {
  switch (props.indicator.valueKind) {
    case 'boolean':
      return <BooleanValueField {...props} />;
    case 'number':
    case 'percent':
      return <NumberValueField {...props} />;
    case 'choice':
      return <ChoiceValueField {...props} />;
    case 'text':
      return <TextValueField {...props} />;
    default: {
      const never: never = props.indicator.valueKind;
      return never;
    }
  }
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsDataURL(file);
  });
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** Hand judgement: Đạt / Chưa đạt, the evidence note and evidence files. */
function ManualFields({ indicator, unitCode, period, readOnly }: IndicatorEntryProps) {
  const judgeSaver = useSaver(unitCode, period, indicator.code, { kind: 'idle' });
  const key = draftKey(unitCode, period, indicator.code, 'evidence');
  const f = useDraftedField(key, indicator.evidence ?? '');
  const noteSaver = useSaver(unitCode, period, indicator.code, f.dirty.current ? { kind: 'draft' } : { kind: 'idle' });
  const addEvidence = useAddEvidence();
  const [fileState, setFileState] = useState<SaveState>({ kind: 'idle' });
  const commitNote = async () => {
    if (!f.dirty.current || f.lastSubmitted.current === f.text) return;
    f.lastSubmitted.current = f.text;
    if (await noteSaver.save({ evidence: f.text.trim() === '' ? null : f.text }, key)) f.dirty.current = false;
  };
  const attach = async (file: File | null) => {
    if (!file) return;
    setFileState({ kind: 'saving' });
    try {
      const contentBase64 = await readAsBase64(file);
      await enqueueSave(() => addEvidence.mutateAsync({ unitCode, period, indicatorCode: indicator.code, fileName: file.name, contentBase64 }));
      setFileState({ kind: 'saved' });
    } catch (e) {
      setFileState({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Toggle
          label={`Kết luận chỉ tiêu ${indicator.code}`}
          value={indicator.manualMet}
          disabled={readOnly}
          onPick={(v) => void judgeSaver.save({ manualMet: v })}
          options={[
            { value: true, label: 'Đạt', color: 'green', testId: `ind-${indicator.code}-met` },
            { value: false, label: 'Chưa đạt', color: 'red', testId: `ind-${indicator.code}-notmet` },
          ]}
        />
        <Textarea
          aria-label={`Minh chứng chỉ tiêu ${indicator.code}`}
          placeholder="Minh chứng: số, ngày biên bản / văn bản… (Enter: lưu và sang ô sau)"
          size="xs"
          autosize
          minRows={1}
          maxRows={4}
          style={{ flex: 1 }}
          value={f.text}
          onChange={(e) => {
            f.change(e.currentTarget.value);
            noteSaver.setState({ kind: 'draft' });
          }}
          onBlur={() => void commitNote()}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey) return;
            e.preventDefault();
            void commitNote();
            focusNextStop(e.currentTarget);
          }}
          disabled={readOnly}
          error={noteSaver.state.kind === 'error'}
          data-entry-stop=""
          data-testid={`ind-${indicator.code}-evidence`}
        />
        {!readOnly && (
          <FileButton onChange={(file) => void attach(file)} accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.odt,.ods">
            {(props) => (
              <Button {...props} size="xs" variant="light" px={8} loading={fileState.kind === 'saving'} title="Đính kèm tệp minh chứng (PDF, ảnh, Word, Excel; tối đa 25 MB)" data-testid={`ind-${indicator.code}-attach`}>
                + Tệp
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Group gap="md">
        <SaveMark state={judgeSaver.state} testId={`ind-${indicator.code}-saved-judgement`} />
        <SaveMark state={noteSaver.state} testId={`ind-${indicator.code}-saved-evidence`} />
        {fileState.kind === 'error' && <SaveMark state={fileState} testId={`ind-${indicator.code}-saved-file`} />}
        {indicator.files.map((file) => (
          <Anchor key={file.sha256} component="button" type="button" size="xs" onClick={() => void downloadEvidence(file.sha256)} title={`Tải về ${file.fileName}`}>
            ↓ {file.fileName} ({formatSize(file.size)})
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}

/**
 * The threshold text names choice values by their codes ("Một trong: muc_2, muc_3"); show the labels the
 * person picks from instead ("Mức độ 2, Mức độ 3").
 */
function readableThreshold(indicator: NtmIndicatorView): string {
  let text = indicator.thresholdText ?? '';
  for (const c of indicator.choices ?? []) text = text.replace(new RegExp(`\\b${c.value}\\b`, 'g'), c.label);
  return text;
}

/** One indicator: what it asks, the threshold with its decision, the reason for its status, and its inputs. */
export function IndicatorEntry(props: IndicatorEntryProps) {
  const { indicator } = props;
  const manual = indicator.judgement === 'manual' || indicator.status === 'needs_manual' || indicator.manualMet !== null;
  // A manual yes/no indicator is the judgement itself; a manual figure (e.g. a percentage) is still worth keeping.
  const withValue = indicator.judgement === 'rule' || indicator.valueKind !== 'boolean';
  const s = INDICATOR_STATUS[indicator.status];
  return (
    <div
      data-testid={`ind-${indicator.code}`}
      data-status={indicator.status}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.25fr) minmax(360px, 1fr)', gap: 12, padding: '8px 4px', borderTop: '1px solid #f1f3f5' }}
    >
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Code fw={700}>{indicator.code}</Code>
          <Badge tt="none" size="sm" mt={2} color={s.color} variant="light" leftSection={<span aria-hidden>{s.glyph}</span>} style={{ flex: 'none' }} data-testid={`ind-${indicator.code}-status`}>
            {s.label}
          </Badge>
          <Text size="sm" style={{ flex: 1 }}>
            {indicator.text}
          </Text>
        </Group>
        {indicator.thresholdText && (
          <Text size="xs" c="dimmed">
            Ngưỡng: {readableThreshold(indicator)}
          </Text>
        )}
        <Text size="xs" data-testid={`ind-${indicator.code}-reason`}>
          {indicator.judgement === 'manual' && (
            <Badge tt="none" size="xs" color="grape" variant="outline" mr={6}>
              Đánh giá thủ công
            </Badge>
          )}
          <Text span inherit c={indicator.status === 'met' ? 'green.8' : indicator.status === 'not_met' ? 'red.8' : 'dark.3'}>
            {indicator.reasonText}
          </Text>
          {indicator.enteredAt && (
            <Text span inherit c="dimmed">
              {' '}
              · Nhập: {indicator.enteredBy ?? '—'}, {formatDateTime(indicator.enteredAt)}
            </Text>
          )}
        </Text>
      </Stack>
      <Stack gap={6}>
        {withValue && <ValueField {...props} field="value" />}
        {manual && <ManualFields {...props} />}
      </Stack>
    </div>
  );
}
