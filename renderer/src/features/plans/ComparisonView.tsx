import { Alert, Autocomplete, Badge, Button, FileButton, Group, Loader, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ComparisonIndicator, SourceCell } from '../../../../core/contract/index';
import { fileToBase64 } from '../../api/files';
import { useAddFindingEvidence, useSetFinding } from './mutations';
import { useComparison } from './queries';

const STATUS: Record<SourceCell['status'], { label: string; color: string }> = {
  met: { label: 'Đạt', color: 'green' },
  not_met: { label: 'Không đạt', color: 'red' },
  needs_manual: { label: 'Cần minh chứng', color: 'yellow' },
  missing_value: { label: 'Chưa có', color: 'gray' },
};

function valueText(value: boolean | number | string, choices: ComparisonIndicator['choices']): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return choices?.find((c) => c.value === value)?.label ?? value;
}

function Cell({ cell, choices = null }: { cell: SourceCell | null; choices?: ComparisonIndicator['choices'] }) {
  if (!cell) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Badge size="sm" variant="light" color={STATUS[cell.status].color}>
        {STATUS[cell.status].label}
      </Badge>
      {cell.value !== null && <Text size="xs">Giá trị: {valueText(cell.value, choices)}</Text>}
      {cell.sector && <Text size="xs">{cell.sector}</Text>}
      {cell.evidence && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {cell.evidence}
        </Text>
      )}
      {cell.files.length > 0 && <Text size="xs">Tệp: {cell.files.map((f) => f.fileName).join(', ')}</Text>}
    </Stack>
  );
}

type FindingPatch = { value?: boolean | number | string | null; manualMet?: boolean | null; evidence?: string | null };

/** The figure the team found, in the indicator's own kind (yes/no, number, %, level, text), for a rule to judge. */
function TeamValue({ indicator, cell, who, disabled, onSave }: { indicator: ComparisonIndicator; cell: SourceCell | null; who: string; disabled: boolean; onSave: (p: FindingPatch) => void }) {
  const current = cell?.value ?? null;
  const [text, setText] = useState(typeof current === 'number' || typeof current === 'string' ? String(current) : '');
  const label = `Giá trị ${who} xác định, chỉ tiêu ${indicator.code}`;
  const testId = `team-value-${indicator.code}`;
  switch (indicator.valueKind) {
    case 'boolean':
      return (
        <Select
          aria-label={label}
          size="xs"
          w={110}
          placeholder="Giá trị"
          data={[
            { value: 'true', label: 'Có' },
            { value: 'false', label: 'Không' },
          ]}
          value={typeof current === 'boolean' ? String(current) : null}
          onChange={(v) => onSave({ value: v === null ? null : v === 'true' })}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'choice':
      return (
        <Select aria-label={label} size="xs" w={170} placeholder="Mức đạt" data={indicator.choices ?? []} value={typeof current === 'string' ? current : null} onChange={(v) => onSave({ value: v })} disabled={disabled} data-testid={testId} />
      );
    case 'number':
    case 'percent':
      return (
        <NumberInput
          aria-label={label}
          size="xs"
          w={120}
          placeholder={indicator.valueKind === 'percent' ? 'Tỷ lệ %' : (indicator.unit ?? 'Giá trị')}
          suffix={indicator.valueKind === 'percent' ? ' %' : undefined}
          decimalSeparator=","
          thousandSeparator="."
          allowNegative={false}
          hideControls
          value={text === '' ? '' : Number.isFinite(Number(text)) ? Number(text) : text}
          onChange={(v) => setText(typeof v === 'number' ? String(v) : v)}
          onBlur={() => text !== (current === null ? '' : String(current)) && Number.isFinite(Number(text)) && onSave({ value: text === '' ? null : Number(text) })}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'text':
      return (
        <TextInput
          aria-label={label}
          size="xs"
          w={160}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={() => text !== (current ?? '') && onSave({ value: text === '' ? null : text })}
          disabled={disabled}
          data-testid={testId}
        />
      );
    default: {
      const never: never = indicator.valueKind;
      return never;
    }
  }
}

/** Whose finding the entry column writes: the inter-sector team's, or one sector's (named). */
export type FindingAuthor = { source: 'doan_tham_dinh' } | { source: 'nganh'; sector: string };

function TeamEntry({ roundId, unitCode, indicator, author, disabled }: { roundId: string; unitCode: string; indicator: ComparisonIndicator; author: FindingAuthor; disabled: boolean }) {
  const set = useSetFinding();
  const attach = useAddFindingEvidence();
  // The sectors' column shows the latest sector's finding: it is this sector's only if it names it.
  const cell = author.source === 'nganh' ? (indicator.sector?.sector === author.sector ? indicator.sector : null) : indicator.team;
  const [evidence, setEvidence] = useState(cell?.evidence ?? '');
  const met = cell?.manualMet;
  const who = author.source === 'nganh' ? { source: 'nganh' as const, sector: author.sector } : { source: 'doan_tham_dinh' as const };
  const whoLabel = author.source === 'nganh' ? `ngành ${author.sector}` : 'đoàn';
  const save = (patch: FindingPatch) => set.mutate({ roundId, unitCode, ...who, indicatorCode: indicator.code, ...patch });
  // As in the self-assessment (features/ntm/IndicatorEntry.tsx): a rule judges the figure; a hand judgement is
  // asked for where the catalog gives no rule, or where the rule needs one for the year.
  const withValue = indicator.judgement === 'rule' || indicator.valueKind !== 'boolean';
  const withJudgement = indicator.judgement === 'manual' || cell?.status === 'needs_manual' || (met !== undefined && met !== null);
  const upload = async (file: File | null) => {
    if (!file) return;
    attach.mutate({ roundId, unitCode, ...who, indicatorCode: indicator.code, fileName: file.name, contentBase64: await fileToBase64(file) });
  };
  const error = set.error ?? attach.error;
  return (
    <Stack gap={4} miw={260}>
      {(withValue || withJudgement) && (
        <Group gap={4} wrap="nowrap">
          {withValue && <TeamValue indicator={indicator} cell={cell} who={whoLabel} disabled={disabled} onSave={save} />}
          {withJudgement && (
            <Select
              aria-label={`Kết luận của ${whoLabel}, chỉ tiêu ${indicator.code}`}
              data={[
                { value: 'met', label: 'Đạt' },
                { value: 'not_met', label: 'Không đạt' },
              ]}
              placeholder="Kết luận"
              value={met === undefined || met === null ? null : met ? 'met' : 'not_met'}
              onChange={(v) => v && save({ manualMet: v === 'met', evidence: evidence || null })}
              w={120}
              size="xs"
              disabled={disabled}
              data-testid={`team-met-${indicator.code}`}
            />
          )}
        </Group>
      )}
      <Group gap={4} wrap="nowrap">
        <TextInput
          aria-label={`Minh chứng của ${whoLabel}, chỉ tiêu ${indicator.code}`}
          placeholder="Minh chứng, biên bản"
          size="xs"
          style={{ flex: 1 }}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          onBlur={() => evidence !== (cell?.evidence ?? '') && save({ evidence: evidence || null })}
          disabled={disabled}
          data-testid={`team-evidence-${indicator.code}`}
        />
        <FileButton onChange={(f) => void upload(f)} disabled={disabled}>
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="subtle"
              disabled={disabled}
              aria-label={`Đính kèm tệp minh chứng của ${whoLabel}, chỉ tiêu ${indicator.code}`}
              loading={attach.isPending}
              data-testid={`team-file-${indicator.code}`}
            >
              + Tệp
            </Button>
          )}
        </FileButton>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error.message}
        </Text>
      )}
    </Stack>
  );
}

export type ComparisonViewProps = { roundId: string; unitCode: string; reported: boolean };

/**
 * The commune's self-assessment, the sectors' and the inter-sector team's findings side by side; rows where the
 * team's conclusion differs are highlighted, criteria self-assessed met but found not met are flagged.
 */
export function ComparisonView({ roundId, unitCode, reported }: ComparisonViewProps) {
  const view = useComparison(roundId, unitCode);
  const [source, setSource] = useState<FindingAuthor['source']>('doan_tham_dinh');
  const [sectorDraft, setSectorDraft] = useState('');
  const [sector, setSector] = useState('');
  if (view.isPending) return <Loader />;
  if (view.isError) return <Alert color="red">{view.error.message}</Alert>;
  const v = view.data;
  const author: FindingAuthor = source === 'nganh' ? { source, sector } : { source };
  const sectors = [...new Set(v.criteria.map((c) => c.responsibleSector).filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'vi'));
  return (
    <Stack gap="sm" data-testid="comparison">
      <Group gap="lg">
        <Text fw={600}>{v.communeName}</Text>
        <Text size="sm">Bộ tiêu chí: {v.catalog.name}</Text>
        <Text size="sm">Tự đánh giá: {v.selfAssessment ? `${v.selfAssessment.period}, đạt ${v.selfMetCount}/${v.criteria.length}` : 'chưa có'}</Text>
        <Text size="sm">Đoàn thẩm định: {v.teamMetCount === null ? 'chưa nhập' : `đạt ${v.teamMetCount}/${v.criteria.length}`}</Text>
        <Badge color={v.differences ? 'red' : 'gray'} data-testid="comparison-differences">
          {v.differences} chỉ tiêu khác biệt
        </Badge>
        {v.overstated > 0 && (
          <Badge color="red" variant="filled">
            {v.overstated} tiêu chí tự đánh giá đạt nhưng đoàn kết luận không đạt
          </Badge>
        )}
      </Group>
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          value={source}
          onChange={(x) => setSource(x as FindingAuthor['source'])}
          data={[
            { value: 'doan_tham_dinh', label: 'Nhập kết quả của đoàn thẩm định' },
            { value: 'nganh', label: 'Nhập đánh giá của ngành' },
          ]}
          data-testid="finding-author"
        />
        {source === 'nganh' && (
          <Autocomplete
            label="Ngành (sở, phòng) đánh giá"
            placeholder="Phòng Kinh tế - Hạ tầng"
            data={sectors}
            value={sectorDraft}
            onChange={setSectorDraft}
            onBlur={() => setSector(sectorDraft.trim())}
            onOptionSubmit={(x) => setSector(x.trim())}
            error={sector === '' ? 'Ghi tên ngành trước khi nhập.' : undefined}
            w={320}
            data-testid="finding-sector"
          />
        )}
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Xã tự đánh giá</Table.Th>
            <Table.Th>Ngành</Table.Th>
            <Table.Th>Đoàn thẩm định</Table.Th>
            <Table.Th>{source === 'nganh' ? `Nhập đánh giá của ${sector || 'ngành'}` : 'Nhập kết quả của đoàn'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.indicators.map((i) => {
            const criterion = v.criteria.find((c) => c.no === i.criterionNo)!;
            return (
              <Table.Tr key={i.code} bg={i.differs ? 'red.0' : undefined} data-differs={i.differs || undefined} data-testid={`cmp-row-${i.code}`}>
                <Table.Td maw={320}>
                  <Text size="xs" fw={600}>
                    {i.code} {criterion.overstated ? '⚠' : ''}
                  </Text>
                  <Text size="xs" lineClamp={2}>
                    {i.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.self} choices={i.choices} />
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.sector} choices={i.choices} />
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.team} choices={i.choices} />
                </Table.Td>
                <Table.Td>
                  <TeamEntry
                    key={`${author.source}/${author.source === 'nganh' ? author.sector : ''}`}
                    roundId={roundId}
                    unitCode={unitCode}
                    indicator={i}
                    author={author}
                    disabled={reported || (author.source === 'nganh' && author.sector === '')}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
