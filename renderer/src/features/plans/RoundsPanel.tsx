import { Alert, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { RoundDeadline, RoundDetail, RoundItemResult } from '../../../../core/contract/index';
import { ROUND_ITEM_RESULTS, ROUND_ITEM_RESULT_LABELS } from '../../../../core/contract/index';
import { ComparisonView } from './ComparisonView';
import { useGenerateTasks, useSaveTeam, useSetItemResult } from './mutations';
import { useRound, useRounds } from './queries';
import { RoundForm } from './RoundForm';

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');
const DEADLINE_COLOR: Record<RoundDeadline['state'], string> = { done: 'green', pending: 'blue', overdue: 'red', unset: 'gray' };
const DEADLINE_STATE: Record<RoundDeadline['state'], string> = { done: 'xong', pending: 'chưa đến hạn', overdue: 'quá hạn', unset: 'chưa đặt hạn' };

function TeamForm({ round }: { round: RoundDetail }) {
  const save = useSaveTeam();
  const [name, setName] = useState(`Đoàn công tác liên ngành số ${round.teams.length + 1}`);
  const [members, setMembers] = useState('');
  const unassigned = round.items.filter((i) => i.kind === 'commune' && !i.teamId).map((i) => i.code);
  const submit = () =>
    save.mutate({
      roundId: round.id,
      name,
      // One member a line: "Họ tên | Cơ quan | Ngành (tuỳ chọn)".
      members: members
        .split('\n')
        .map((l) => l.split('|').map((s) => s.trim()))
        .filter((p) => p[0] && p[1])
        .map(([n, organisation, sector]) => ({ name: n!, organisation: organisation!, sector: sector || null })),
      unitCodes: unassigned,
    });
  return (
    <Stack gap="xs" data-testid="team-form">
      <TextInput label="Tên đoàn" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Textarea
        label="Thành viên (mỗi dòng: Họ tên | Cơ quan | Ngành)"
        autosize
        minRows={3}
        value={members}
        onChange={(e) => setMembers(e.currentTarget.value)}
        placeholder={'Nguyễn Văn An | Ban Kinh tế - Ngân sách HĐND tỉnh\nLê Văn Cường | Sở Tài nguyên và Môi trường | Môi trường'}
        data-testid="team-members"
      />
      <Button onClick={submit} loading={save.isPending} data-testid="team-save">
        Lưu đoàn {unassigned.length > 0 ? `và giao ${unassigned.length} xã chưa có đoàn` : ''}
      </Button>
    </Stack>
  );
}

function RoundView({ id }: { id: string }) {
  const round = useRound(id);
  const setResult = useSetItemResult();
  const generate = useGenerateTasks();
  const [comparing, setComparing] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  if (round.isPending) return <Loader />;
  if (round.isError) return <Alert color="red">{round.error.message}</Alert>;
  const r = round.data;
  return (
    <Stack data-testid="round-detail">
      <div>
        <Title order={4}>{r.title}</Title>
        <Text size="sm" c="dimmed">
          {r.documentNo} ngày {vnDate(r.documentDate)} của {r.issuer} · {r.communeCount} xã, {r.productCount} sản phẩm · đã rà soát {r.reviewedCount}, không đảm bảo {r.notConfirmedCount}
        </Text>
      </div>
      <Group gap="xs" data-testid="round-deadlines">
        {r.deadlines.map((d) => (
          <Badge key={d.key} color={DEADLINE_COLOR[d.state]} variant="light" size="lg">
            {d.label}: {vnDate(d.dueOn)} — {DEADLINE_STATE[d.state]}
          </Badge>
        ))}
      </Group>
      <Group align="flex-start" grow>
        <Card withBorder>
          <Text fw={600} mb="xs">
            Đoàn công tác ({r.teams.length})
          </Text>
          {r.teams.map((t) => (
            <Stack key={t.id} gap={0} mb="xs">
              <Text size="sm" fw={600}>
                {t.name} · {t.itemCount} xã/sản phẩm
              </Text>
              {t.members.map((m, k) => (
                <Text key={k} size="xs">
                  {m.name} — {m.organisation}
                  {m.sector ? ` (${m.sector})` : ''}
                </Text>
              ))}
            </Stack>
          ))}
          <TeamForm round={r} />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            Xã và sản phẩm trong phạm vi
          </Text>
          <Table data-testid="round-items">
            <Table.Tbody>
              {r.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed">
                      {i.reason}
                      {i.teamName ? ` · ${i.teamName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.kind === 'commune' && (
                      <Button size="compact-xs" variant="light" onClick={() => setComparing(i.code)} data-testid={`compare-${i.code}`}>
                        So sánh ({i.findingCount})
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label="Kết luận"
                      size="xs"
                      w={170}
                      data={ROUND_ITEM_RESULTS.map((v) => ({ value: v, label: ROUND_ITEM_RESULT_LABELS[v] }))}
                      value={i.result}
                      onChange={(v) => v && setResult.mutate({ roundId: r.id, itemId: i.id, result: v as RoundItemResult })}
                      allowDeselect={false}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Group>
      <Group align="flex-end">
        <TextInput label="Thời hạn khắc phục" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="round-task-due" />
        <Button variant="light" disabled={!dueOn} loading={generate.isPending} onClick={() => generate.mutate({ roundId: r.id, dueOn })} data-testid="round-tasks">
          Giao nhiệm vụ cho các ngành theo kết luận của đoàn
        </Button>
      </Group>
      {comparing && <ComparisonView roundId={r.id} unitCode={comparing} reported={r.reportedOn !== null} />}
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
          data={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.documentNo} — ${r.title}` }))}
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
