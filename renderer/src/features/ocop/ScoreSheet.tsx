import { Alert, Badge, Box, Button, Card, Checkbox, CloseButton, Grid, Group, Loader, Radio, SegmentedControl, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OcopEvaluation, OcopEvaluationLevel, OcopProductDetail } from '../../../../core/contract/index';
import { declarableNote, DISQUALIFICATION_REASONS, disqualificationReasonsFor, parseDisqualification, previewScore, type DisqualificationReason, type OcopAnswers, type OcopCriterion, type OcopVersion } from '../../../../core/ocop';
import { vnDate, vnNumber, todayIso } from './format';
import { useSaveEvaluation } from './mutations';
import { useOcopMeta, useOcopSheet } from './queries';
import { ScoreSummary } from './ScoreSummary';

const LEVELS: Record<OcopEvaluationLevel, string> = {
  self: 'Chủ thể tự đánh giá',
  commune: 'UBND xã',
  province: 'Hội đồng cấp tỉnh',
  central: 'Hội đồng cấp trung ương',
};

type Draft = {
  id: string | undefined;
  level: OcopEvaluationLevel;
  version: string;
  evaluatedOn: string;
  members: { name: string; answers: OcopAnswers }[];
  reasons: DisqualificationReason[];
  criteria: string[];
};

function draftOf(product: OcopProductDetail, e: OcopEvaluation | null): Draft {
  if (!e) return { id: undefined, level: 'province', version: product.catalogVersion, evaluatedOn: todayIso(), members: [{ name: '', answers: {} }], reasons: [], criteria: [] };
  return {
    id: e.id,
    level: e.level,
    version: e.catalogVersion,
    evaluatedOn: e.evaluatedOn,
    members: e.members.map((m) => ({ name: m.name ?? '', answers: m.answers })),
    reasons: e.disqualification?.reasons ?? [],
    criteria: e.disqualification?.criteria ?? [],
  };
}

export type ScoreSheetProps = { product: OcopProductDetail };

/** The score sheet of the product's set: one option per criterion, live subtotals, stars and their reasons. */
export function ScoreSheet({ product }: ScoreSheetProps) {
  const [selected, setSelected] = useState<string>(product.evaluations[0]?.id ?? 'new');
  const evaluation = product.evaluations.find((e) => e.id === selected) ?? null;
  return (
    <Stack>
      <Group>
        <Select
          label="Phiếu chấm"
          data={[
            { value: 'new', label: '+ Phiếu chấm mới' },
            ...product.evaluations.map((e) => ({
              value: e.id,
              label: `${vnDate(e.evaluatedOn)} · ${LEVELS[e.level]} · ${e.complete ? `${vnNumber(e.total)} điểm, ${e.stars} sao` : 'bản nháp'} · ${e.catalogVersion}`,
            })),
          ]}
          value={selected}
          onChange={(v) => v && setSelected(v)}
          allowDeselect={false}
          w={520}
          data-testid="evaluation-select"
        />
      </Group>
      <SheetEditor key={selected} product={product} initial={draftOf(product, evaluation)} onSaved={(id) => setSelected(id)} />
    </Stack>
  );
}

function SheetEditor({ product, initial, onSaved }: { product: OcopProductDetail; initial: Draft; onSaved: (id: string) => void }) {
  const [d, setD] = useState<Draft>(initial);
  const [active, setActive] = useState(0);
  const meta = useOcopMeta();
  const sheetQuery = useOcopSheet(d.version, product.sheetNo);
  const save = useSaveEvaluation();
  const sheet = sheetQuery.data?.sheet;
  const version = sheetQuery.data?.version;

  const preview = useMemo(() => {
    if (!sheet || !version) return null;
    const disq = parseDisqualification({ ...Object.fromEntries(d.reasons.map((r) => [r, true])), ...(d.criteria.length ? { criteria: d.criteria } : {}) }, sheet);
    return previewScore({ ...version, sheets: [sheet] } as OcopVersion, sheet, d.members, disq);
  }, [sheet, version, d]);

  if (sheetQuery.isError) return <Alert color="red">{sheetQuery.error.message}</Alert>;
  if (!sheet || !version || !preview) return <Loader />;

  const member = d.members[active] ?? d.members[0];
  const setAnswer = (code: string, value: number | boolean) =>
    setD((old) => ({ ...old, members: old.members.map((m, i) => (i === active ? { ...m, answers: { ...m.answers, [code]: value } } : m)) }));
  const council = d.members.length > 1;
  const noteCriteria = sheet.criteria.flatMap((c) => {
    const note = declarableNote(c);
    return note ? [{ code: c.code, note }] : [];
  });
  const submit = () =>
    save.mutate(
      {
        id: d.id,
        productId: product.id,
        level: d.level,
        version: d.version,
        evaluatedOn: d.evaluatedOn,
        members: d.members.map((m) => ({ name: m.name, answers: m.answers })),
        disqualification: d.reasons.length || d.criteria.length ? { reasons: d.reasons, criteria: d.criteria } : null,
      },
      { onSuccess: (e) => onSaved(e.id) },
    );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" mb="sm" align="flex-end">
            <div>
              <Title order={4}>
                Bộ tiêu chí số {sheet.no}: {sheet.name}
              </Title>
              <Text size="sm" c="dimmed">
                {version.decision} · phiên bản {version.id}
                {version.status !== 'current' ? ' (đã hết hiệu lực, chỉ dùng cho hồ sơ chuyển tiếp hoặc tra cứu)' : ''}
              </Text>
            </div>
            <Select
              label="Phiên bản bộ tiêu chí"
              data={(meta.data?.versions ?? []).filter((v) => v.sheets.some((s) => s.no === product.sheetNo)).map((v) => ({ value: v.id, label: `${v.id}${v.status === 'current' ? ' (hiện hành)' : ''}` }))}
              value={d.version}
              onChange={(v) => v && setD((old) => ({ ...old, version: v, members: old.members.map((m) => ({ ...m, answers: {} })), criteria: [] }))}
              disabled={Boolean(d.id)}
              allowDeselect={false}
              w={220}
            />
          </Group>
          {sheet.parts.map((part) => (
            <Box key={part.code} mb="lg">
              <Title order={5} bg="green.0" p={6} style={{ borderRadius: 4 }}>
                Phần {part.code} — {part.title} (tối đa {part.max} điểm) · đang có {vnNumber(preview.parts[part.code])}
              </Title>
              {part.groups.map((g) => (
                <Box key={g.code} mt="sm">
                  {/* A group scored directly (e.g. "7. TÍNH ĐỘC ĐÁO") is its own criterion: no second heading. */}
                  {!(g.criteria.length === 1 && g.criteria[0].code === g.code) && (
                    <Text fw={700} size="sm" c="green.9">
                      {g.code}. {g.title} ({g.max} điểm)
                    </Text>
                  )}
                  {g.criteria.map((c) => (
                    <CriterionRow key={c.code} criterion={c} value={member.answers[c.code]} onChange={(v) => setAnswer(c.code, v)} />
                  ))}
                </Box>
              ))}
            </Box>
          ))}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack style={{ position: 'sticky', top: 72 }}>
          <Card withBorder radius="md" padding="md">
            <Group grow mb="sm">
              <Select label="Cấp chấm" data={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} value={d.level} onChange={(v) => v && setD((o) => ({ ...o, level: v as OcopEvaluationLevel }))} allowDeselect={false} data-testid="evaluation-level" />
              <TextInput label="Ngày chấm" type="date" value={d.evaluatedOn} onChange={(e) => setD((o) => ({ ...o, evaluatedOn: e.currentTarget.value }))} />
            </Group>
            <Text size="sm" fw={600}>
              Thành viên chấm {council ? `(${d.members.length} — lấy điểm trung bình, Điều 3 khoản 3)` : ''}
            </Text>
            <Tabs value={String(active)} onChange={(v) => setActive(Number(v ?? 0))} mt={4}>
              <Tabs.List>
                {d.members.map((m, i) => (
                  <Tabs.Tab key={i} value={String(i)} data-testid={`member-tab-${i}`}>
                    {m.name || `Phiếu ${i + 1}`} · {preview.answered[i] ?? 0}/{preview.criteriaCount}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            <Group mt="xs" gap="xs" align="flex-end">
              <TextInput
                label="Họ tên thành viên"
                value={member.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setD((o) => ({ ...o, members: o.members.map((m, i) => (i === active ? { ...m, name } : m)) }));
                }}
                style={{ flex: 1 }}
                data-testid="member-name"
              />
              {d.members.length > 1 && (
                <CloseButton
                  aria-label="Bỏ phiếu này"
                  onClick={() => {
                    setD((o) => ({ ...o, members: o.members.filter((_, i) => i !== active) }));
                    setActive(0);
                  }}
                />
              )}
            </Group>
            <Button
              variant="subtle"
              size="xs"
              mt={4}
              onClick={() => {
                setD((o) => ({ ...o, members: [...o.members, { name: '', answers: {} }] }));
                setActive(d.members.length);
              }}
              data-testid="member-add"
            >
              + Thêm phiếu thành viên Hội đồng
            </Button>
          </Card>
          <Card withBorder radius="md" padding="md">
            <ScoreSummary sheet={sheet} preview={preview} council={council} />
          </Card>
          <Card withBorder radius="md" padding="md">
            <Text fw={600} size="sm" mb={4}>
              Hồ sơ bị loại hoặc dừng đánh giá khi
            </Text>
            <Stack gap={4}>
              {disqualificationReasonsFor(sheet).map((code) => (
                <Checkbox
                  key={code}
                  size="xs"
                  label={DISQUALIFICATION_REASONS[code]}
                  checked={d.reasons.includes(code)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setD((o) => ({ ...o, reasons: on ? [...o.reasons, code] : o.reasons.filter((r) => r !== code) }));
                  }}
                  data-testid={`disq-${code}`}
                />
              ))}
              {noteCriteria.map((c) => (
                <Checkbox
                  key={c.code}
                  size="xs"
                  label={`${c.code}: ${c.note.text}`}
                  checked={d.criteria.includes(c.code)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setD((o) => ({ ...o, criteria: on ? [...o.criteria, c.code] : o.criteria.filter((x) => x !== c.code) }));
                  }}
                />
              ))}
            </Stack>
          </Card>
          <Button size="md" onClick={submit} loading={save.isPending} data-testid="evaluation-save">
            {preview.complete ? 'Lưu phiếu chấm' : 'Lưu bản nháp'}
          </Button>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function CriterionRow({ criterion: c, value, onChange }: { criterion: OcopCriterion; value: number | boolean | undefined; onChange: (v: number | boolean) => void }) {
  const unanswered = value === undefined;
  return (
    <Box py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid={`criterion-${c.code}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {c.parent && (
            <Text span c="dimmed" size="xs">
              {c.parent.code} {c.parent.title} ›{' '}
            </Text>
          )}
          {c.code} {c.title}
        </Text>
        <Badge variant={unanswered ? 'outline' : 'light'} color={unanswered ? 'gray' : 'green'} style={{ flexShrink: 0 }}>
          tối đa {vnNumber(c.max)}
        </Badge>
      </Group>
      {c.kind === 'yesno' ? (
        <SegmentedControl
          mt={4}
          size="xs"
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
          data={[
            { value: 'yes', label: `Đạt (${vnNumber(c.max)} điểm)` },
            { value: 'no', label: 'Không đạt (0 điểm)' },
          ]}
        />
      ) : (
        <Radio.Group value={typeof value === 'number' ? String(value) : null} onChange={(v) => onChange(Number(v))}>
          <Stack gap={4} mt={4}>
            {c.options.map((o) => (
              <Radio
                key={o.number}
                value={String(o.number)}
                size="xs"
                disabled={o.points === null}
                data-testid={`option-${c.code}-${o.number}`}
                label={
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm">{o.label}</Text>
                    <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                      {o.points === null ? '?' : vnNumber(o.points)} đ
                    </Badge>
                    {o.minStars && (
                      <Badge size="sm" color="yellow" variant="light" style={{ flexShrink: 0 }} title={`Yêu cầu tối thiểu để đạt ${o.minStars} sao`}>
                        tối thiểu {o.minStars}★
                      </Badge>
                    )}
                  </Group>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {c.notes.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          {c.notes.join(' ')}
        </Text>
      )}
    </Box>
  );
}

