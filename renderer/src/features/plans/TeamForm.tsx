import { ActionIcon, Button, Group, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { RoundDetail, RoundTeam } from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useSaveTeam } from './mutations';

type Member = { name: string; organisation: string; sector: string; role: string };

const EMPTY: Member = { name: '', organisation: '', sector: '', role: '' };

/** Item keys of the assignment picker: communes by unit code, products by id (what plans.rounds.saveTeam takes). */
const keyOf = (i: RoundDetail['items'][number]) => (i.kind === 'commune' ? `c:${i.code}` : `p:${i.productId}`);

export type TeamFormProps = { round: RoundDetail; team?: RoundTeam; onSaved: () => void };

/**
 * An inter-sector team (đoàn công tác liên ngành): name, leader, members with their organisation, sector and role,
 * and exactly the communes and products of the round it reviews (an item picked here leaves its former team).
 */
export function TeamForm({ round, team, onSaved }: TeamFormProps) {
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? `Đoàn công tác liên ngành số ${round.teams.length + 1}`);
  const [leader, setLeader] = useState(team?.leader ?? '');
  const [members, setMembers] = useState<Member[]>(
    team && team.members.length > 0 ? team.members.map((m) => ({ name: m.name, organisation: m.organisation, sector: m.sector ?? '', role: m.role ?? '' })) : [{ ...EMPTY }],
  );
  const [items, setItems] = useState<string[]>(round.items.filter((i) => (team ? i.teamId === team.id : !i.teamId)).map(keyOf));
  const errors = formErrors(save.error);
  const update = (k: number, patch: Partial<Member>) => setMembers((ms) => ms.map((m, i) => (i === k ? { ...m, ...patch } : m)));
  const submit = () =>
    save.mutate(
      {
        roundId: round.id,
        id: team?.id,
        name,
        leader,
        // A row left wholly empty is not a member; a half-filled one goes to the service, which says what is missing.
        members: members.filter((m) => Object.values(m).some((v) => v.trim() !== '')).map((m) => ({ name: m.name, organisation: m.organisation, sector: m.sector, role: m.role })),
        unitCodes: items.filter((k) => k.startsWith('c:')).map((k) => k.slice(2)),
        productIds: items.filter((k) => k.startsWith('p:')).map((k) => k.slice(2)),
      },
      { onSuccess: onSaved },
    );
  const memberError = (i: number) => errors[`members.${i}.name`] ?? errors[`members.${i}.organisation`] ?? errors[`members.${i}.sector`] ?? errors[`members.${i}.role`];
  return (
    <Stack gap="xs" data-testid="team-form">
      <Group grow align="flex-start">
        <TextInput label="Tên đoàn" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} withAsterisk data-testid="team-name" />
        <TextInput label="Trưởng đoàn" value={leader} onChange={(e) => setLeader(e.currentTarget.value)} error={errors.leader} data-testid="team-leader" />
      </Group>
      <Text size="sm" fw={500}>
        Thành viên
      </Text>
      <Table withTableBorder data-testid="team-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Họ tên</Table.Th>
            <Table.Th>Cơ quan</Table.Th>
            <Table.Th>Ngành</Table.Th>
            <Table.Th>Vai trò</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput aria-label="Họ tên" size="xs" value={m.name} onChange={(e) => update(i, { name: e.currentTarget.value })} error={memberError(i)} data-testid={`member-name-${i}`} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label="Cơ quan" size="xs" value={m.organisation} onChange={(e) => update(i, { organisation: e.currentTarget.value })} data-testid={`member-org-${i}`} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label="Ngành" size="xs" value={m.sector} onChange={(e) => update(i, { sector: e.currentTarget.value })} data-testid={`member-sector-${i}`} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label="Vai trò" size="xs" placeholder="Thành viên" value={m.role} onChange={(e) => update(i, { role: e.currentTarget.value })} data-testid={`member-role-${i}`} />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label="Bỏ thành viên" onClick={() => setMembers((ms) => ms.filter((_, k) => k !== i))}>
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setMembers((ms) => [...ms, { ...EMPTY }])} data-testid="member-add">
          Thêm thành viên
        </Button>
      </Group>
      <MultiSelect
        label="Xã, sản phẩm đoàn rà soát"
        description="Chọn một xã đang thuộc đoàn khác sẽ chuyển xã đó sang đoàn này."
        searchable
        data={round.items.map((i) => ({
          value: keyOf(i),
          label: `${i.name}${i.kind === 'ocop_product' ? ' (sản phẩm OCOP)' : ''}${i.teamName && i.teamId !== team?.id ? ` — đang thuộc ${i.teamName}` : ''}`,
        }))}
        value={items}
        onChange={setItems}
        data-testid="team-items"
      />
      <FormError error={save.error} placed={(p) => p === 'name' || p === 'leader' || /^members\.\d+\./.test(p)} testId="team-error" />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="team-save">
          {team ? 'Lưu thay đổi' : 'Lưu đoàn'}
        </Button>
      </Group>
    </Stack>
  );
}
