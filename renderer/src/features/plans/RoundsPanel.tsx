import { Alert, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { RoundDeadline, RoundDetail, RoundItem, RoundItemResult, RoundOutcome, RoundTeam } from '../../../../core/contract/index';
import { COMMUNE_OUTCOME_LABELS, PRODUCT_OUTCOME_LABELS, ROUND_ITEM_RESULTS, ROUND_ITEM_RESULT_LABELS, ROUND_OUTCOMES } from '../../../../core/contract/index';
import { ComparisonView } from './ComparisonView';
import { OutcomeForm } from './OutcomeForm';
import { useGenerateTasks, useSetItemResult } from './mutations';
import { useRound, useRounds } from './queries';
import { RoundForm } from './RoundForm';
import { RoundReportDownloads } from './PlanDocuments';
import { RoundReportForm } from './RoundReportForm';
import { TeamForm } from './TeamForm';

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');
const DEADLINE_COLOR: Record<RoundDeadline['state'], string> = { done: 'green', pending: 'blue', overdue: 'red', unset: 'gray' };
const DEADLINE_STATE: Record<RoundDeadline['state'], string> = { done: 'xong', pending: 'chưa đến hạn', overdue: 'quá hạn', unset: 'chưa đặt hạn' };

function ItemNote({ roundId, item, readOnly }: { roundId: string; item: RoundItem; readOnly: boolean }) {
  const setResult = useSetItemResult();
  const [note, setNote] = useState(item.resultNote ?? '');
  return (
    <TextInput
      readOnly={readOnly}
      aria-label={`Ghi chú kết luận, ${item.name}`}
      placeholder="Ghi chú: khắc phục đến ngày…, đề nghị thu hồi…"
      size="xs"
      value={note}
      onChange={(e) => setNote(e.currentTarget.value)}
      onBlur={() => note !== (item.resultNote ?? '') && setResult.mutate({ roundId, itemId: item.id, result: item.result, checkedOn: item.checkedOn, note })}
      data-testid={`item-note-${item.code}`}
    />
  );
}

const OUTCOME_COLOR: Record<RoundOutcome, string> = { maintained: 'green', remedy: 'orange', revoke_proposed: 'red', upgrade: 'teal', downgrade: 'orange', revoke: 'red' };

/** The outcome recorded for an item: what, why, the remedy deadline (overdue marked), the decision at stake. */
function OutcomeCell({ item }: { item: RoundItem }) {
  const o = item.outcome;
  if (!o) {
    return (
      <Text size="xs" c="dimmed">
        Chưa ghi kết quả xử lý
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid={`item-outcome-${item.code}`}>
      <Group gap={4}>
        <Badge color={OUTCOME_COLOR[o.outcome]} variant="light" tt="none">
          {o.label}
        </Badge>
        {o.overdue && (
          <Badge color="red" variant="filled" tt="none" data-testid={`item-overdue-${item.code}`}>
            Quá hạn {o.daysLeft !== null ? -o.daysLeft : ''} ngày
          </Badge>
        )}
        {o.remediedOn && (
          <Badge color="green" variant="outline" tt="none">
            Đã khắc phục {vnDate(o.remediedOn)}
          </Badge>
        )}
      </Group>
      {o.reason && <Text size="xs">{o.reason}</Text>}
      {o.recognition && (
        <Text size="xs" c={o.recognition.revokedOn ? 'red.8' : 'dimmed'}>
          QĐ công nhận {o.recognition.decisionNo}
          {o.recognition.revokedOn ? ` đã thu hồi theo QĐ ${o.recognition.revokedDecisionNo} ngày ${vnDate(o.recognition.revokedOn)}` : o.outcome === 'revoke_proposed' ? ': chưa có quyết định thu hồi' : ''}
        </Text>
      )}
      {o.rescore && (
        <Text size="xs" c="dimmed">
          Chấm lại {vnDate(o.rescore.evaluatedOn)} theo {o.rescore.catalogVersion}: {o.rescore.stars ?? 0} sao; giấy chứng nhận {o.certificateStars ?? '—'} sao
        </Text>
      )}
    </Stack>
  );
}

/** "1 đề nghị thu hồi, 1 phải khắc phục" */
function outcomeSummary(r: RoundDetail): string {
  return ROUND_OUTCOMES.filter((o) => r.outcomeCounts[o])
    .map((o) => `${r.outcomeCounts[o]} ${((COMMUNE_OUTCOME_LABELS as Record<string, string>)[o] ?? (PRODUCT_OUTCOME_LABELS as Record<string, string>)[o]!).toLocaleLowerCase('vi-VN')}`)
    .join(', ');
}

function RoundView({ id }: { id: string }) {
  const round = useRound(id);
  const setResult = useSetItemResult();
  const generate = useGenerateTasks();
  const [deciding, setDeciding] = useState<RoundItem | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [editing, setEditing] = useState(false);
  const [team, setTeam] = useState<RoundTeam | 'new' | null>(null);
  const [reporting, setReporting] = useState(false);
  if (round.isPending) return <Loader />;
  if (round.isError) return <Alert color="red">{round.error.message}</Alert>;
  const r = round.data;
  const ro = r.readOnly;
  const outcomes = outcomeSummary(r);
  return (
    <Stack data-testid="round-detail">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Title order={4}>{r.title}</Title>
            {ro && (
              <Badge color="gray" variant="outline" tt="none" data-testid="round-readonly">
                {r.officeName} · chỉ xem
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {r.documentNo} ngày {vnDate(r.documentDate)} của {r.issuer} · {r.communeCount} xã, {r.productCount} sản phẩm · đã rà soát {r.reviewedCount}, không đảm bảo {r.notConfirmedCount}
          </Text>
          {r.differenceCount > 0 && (
            <Text size="sm" c="red.8" data-testid="round-differences">
              Kết quả của đoàn khác tự đánh giá: {r.differenceCount} chỉ tiêu tại {r.communesWithDifferences} xã; {r.overstatedCount} tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt.
            </Text>
          )}
          {outcomes && (
            <Text size="sm" data-testid="round-outcomes">
              Kết quả xử lý: {outcomes}
              {r.remedyOverdueCount > 0 && (
                <Text span c="red.8" fw={600}>
                  {' '}
                  · {r.remedyOverdueCount} xã quá hạn khắc phục
                </Text>
              )}
            </Text>
          )}
          {r.note && <Text size="sm">{r.note}</Text>}
        </div>
        {!ro && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="round-edit">
            Sửa đợt rà soát
          </Button>
        )}
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Sửa đợt rà soát, đánh giá lại" size="xl">
        <RoundForm round={r} onSaved={() => setEditing(false)} />
      </Modal>
      <Group gap="xs" data-testid="round-deadlines">
        {r.deadlines.map((d) => (
          <Badge key={d.key} color={DEADLINE_COLOR[d.state]} variant="light" size="lg">
            {d.label}: {vnDate(d.dueOn)} — {DEADLINE_STATE[d.state]}
          </Badge>
        ))}
      </Group>
      <Stack>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Đoàn công tác ({r.teams.length})</Text>
            {!ro && (
              <Button size="compact-xs" variant="light" onClick={() => setTeam('new')} data-testid="team-new">
                Thêm đoàn
              </Button>
            )}
          </Group>
          {r.teams.length === 0 && (
            <Text size="sm" c="dimmed">
              Chưa thành lập đoàn nào.
            </Text>
          )}
          {r.teams.map((t) => (
            <Stack key={t.id} gap={0} mb="xs" data-testid="round-team">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t.name} · {t.itemCount} xã/sản phẩm
                </Text>
                {!ro && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setTeam(t)} data-testid={`team-edit-${t.name}`}>
                    Sửa
                  </Button>
                )}
              </Group>
              {t.leader && <Text size="xs">Trưởng đoàn: {t.leader}</Text>}
              {t.members.map((m, k) => (
                <Text key={k} size="xs">
                  {m.name} — {m.organisation}
                  {m.sector ? ` (${m.sector})` : ''}
                  {m.role ? ` · ${m.role}` : ''}
                </Text>
              ))}
            </Stack>
          ))}
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            Xã và sản phẩm trong phạm vi
          </Text>
          <Table data-testid="round-items" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Xã, sản phẩm</Table.Th>
                <Table.Th>Kết quả của đoàn</Table.Th>
                <Table.Th w={220}>Kết luận</Table.Th>
                <Table.Th w={340}>Kết quả xử lý</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.items.map((i) => (
                <Table.Tr key={i.id} data-testid={`round-item-${i.code}`}>
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed">
                      {i.reason}
                      {i.teamName ? ` · ${i.teamName}` : ' · chưa có đoàn'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.kind === 'commune' && (
                      <Button size="compact-xs" variant="light" onClick={() => setComparing(i.code)} data-testid={`compare-${i.code}`}>
                        So sánh ({i.findingCount})
                      </Button>
                    )}
                    {(i.differences ?? 0) > 0 && (
                      <Badge color="red" variant="light" size="sm" mt={4} display="block">
                        {i.differences} khác biệt
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Select
                        aria-label="Kết luận"
                        size="xs"
                        w={190}
                        data={ROUND_ITEM_RESULTS.map((v) => ({ value: v, label: ROUND_ITEM_RESULT_LABELS[v] }))}
                        value={i.result}
                        disabled={ro}
                        onChange={(v) => v && setResult.mutate({ roundId: r.id, itemId: i.id, result: v as RoundItemResult, note: i.resultNote })}
                        allowDeselect={false}
                        data-testid={`item-result-${i.code}`}
                      />
                      <ItemNote key={`${i.id}-${i.resultNote ?? ''}`} roundId={r.id} item={i} readOnly={ro} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <OutcomeCell item={i} />
                      {!ro && (
                        <Button size="compact-xs" variant="light" onClick={() => setDeciding(i)} data-testid={`item-outcome-edit-${i.code}`}>
                          {i.outcome ? 'Sửa kết quả xử lý' : 'Ghi kết quả xử lý'}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} title="Kết quả xử lý sau rà soát" size="lg">
        {deciding && <OutcomeForm key={deciding.id} round={r} item={deciding} onSaved={() => setDeciding(null)} />}
      </Modal>
      <Modal opened={team !== null} onClose={() => setTeam(null)} title={team === 'new' || team === null ? 'Thành lập đoàn công tác liên ngành' : `Sửa ${team.name}`} size="xl">
        {team !== null && <TeamForm round={r} team={team === 'new' ? undefined : team} onSaved={() => setTeam(null)} />}
      </Modal>
      <Card withBorder data-testid="round-report">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Báo cáo kết quả đợt rà soát</Text>
          {r.reportedOn && !reporting && !ro && (
            <Button size="compact-xs" variant="subtle" onClick={() => setReporting(true)} data-testid="round-report-edit">
              Sửa
            </Button>
          )}
        </Group>
        {ro && !r.reportedOn ? (
          <Text size="sm" c="dimmed">
            Chưa báo cáo.
          </Text>
        ) : r.reportedOn && !reporting ? (
          <Stack gap={4}>
            <Text size="sm" data-testid="round-reported">
              Đã báo cáo ngày {vnDate(r.reportedOn)}. Kết quả của các đoàn không còn sửa được.
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="round-conclusion-text">
              {r.conclusion}
            </Text>
          </Stack>
        ) : (
          <RoundReportForm round={r} onSaved={() => setReporting(false)} />
        )}
        <RoundReportDownloads roundId={r.id} />
      </Card>
      {!ro && (
        <Group align="flex-end">
          <TextInput label="Thời hạn khắc phục" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="round-task-due" />
          <Button variant="light" disabled={!dueOn} loading={generate.isPending} onClick={() => generate.mutate({ roundId: r.id, dueOn })} data-testid="round-tasks">
            Giao nhiệm vụ cho các ngành theo kết luận của đoàn
          </Button>
        </Group>
      )}
      {comparing && <ComparisonView roundId={r.id} unitCode={comparing} reported={r.reportedOn !== null || ro} />}
    </Stack>
  );
}

/** Re-assessment rounds (rà soát, đánh giá lại): list, new round with scope preview, teams, findings and comparison. */
export function RoundsPanel() {
  const rounds = useRounds();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          placeholder="Chọn đợt rà soát"
          data={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.documentNo} — ${r.title}${r.readOnly ? ` (${r.officeName})` : ''}` }))}
          value={selected}
          onChange={setSelected}
          w={520}
          aria-label="Đợt rà soát"
          data-testid="round-select"
        />
        <Button onClick={() => setCreating(true)} data-testid="round-new">
          Đợt rà soát mới
        </Button>
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Đợt rà soát, đánh giá lại" size="xl">
        <RoundForm
          onSaved={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      </Modal>
      {rounds.data?.length === 0 && <Alert color="gray">Chưa có đợt rà soát nào.</Alert>}
      {selected ? <RoundView id={selected} /> : null}
    </Stack>
  );
}
