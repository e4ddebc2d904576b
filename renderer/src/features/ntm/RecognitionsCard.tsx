import { Alert, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { NTM_LEVEL_LABELS, type NtmCommune, type NtmLevel, type NtmRecognition } from '../../../../core/contract/index';
import { ApiError, fieldErrors } from '../../api/client';
import { formatDate, parseVietnameseDate, todayIso } from './format';
import { useAddRecognition, useRevokeRecognition } from './mutations';
import { useNtmRecognitions } from './queries';

export type RecognitionsCardProps = { commune: NtmCommune };

function apiMessage(e: unknown): string | null {
  if (!e) return null;
  return e instanceof ApiError ? `${e.message} (mã lỗi ${e.code})` : String(e);
}

const LEVEL_OPTIONS = (Object.keys(NTM_LEVEL_LABELS) as NtmLevel[]).map((l) => ({ value: l, label: NTM_LEVEL_LABELS[l] }));

function AddRecognitionModal({ commune, opened, onClose }: { commune: NtmCommune; opened: boolean; onClose: () => void }) {
  const add = useAddRecognition();
  const [level, setLevel] = useState<NtmLevel>('xa_ntm');
  const [decisionNo, setDecisionNo] = useState('');
  const [date, setDate] = useState('');
  const [issuer, setIssuer] = useState('');
  const [note, setNote] = useState('');
  const decidedOn = parseVietnameseDate(date);
  const errors = fieldErrors(add.error);
  const submit = () => {
    if (!decidedOn) return;
    add.mutate(
      { unitCode: commune.unitCode, level, decisionNo, decidedOn, issuer, note: note.trim() === '' ? null : note },
      {
        onSuccess: () => {
          onClose();
          setDecisionNo('');
          setDate('');
          setNote('');
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Quyết định công nhận — ${commune.name}`} centered>
      <Stack gap="sm">
        <Select label="Mức công nhận" data={LEVEL_OPTIONS} value={level} onChange={(v) => v && setLevel(v as NtmLevel)} allowDeselect={false} data-testid="rec-level" />
        <TextInput label="Số quyết định" placeholder="1234/QĐ-UBND" value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} error={errors.decisionNo} withAsterisk data-testid="rec-decision" />
        <TextInput
          label="Ngày quyết định (dd/mm/yyyy)"
          placeholder="15/12/2020"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={(date !== '' && !decidedOn ? 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy.' : undefined) ?? errors.decidedOn}
          withAsterisk
          data-testid="rec-date"
        />
        <TextInput label="Cơ quan ban hành" placeholder="UBND tỉnh …" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={errors.issuer} withAsterisk data-testid="rec-issuer" />
        <TextInput label="Ghi chú" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {add.error && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {apiMessage(add.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={submit} disabled={!decidedOn || decisionNo.trim() === '' || issuer.trim() === ''} loading={add.isPending} data-testid="rec-save">
            Ghi quyết định
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeModal({ recognition, onClose }: { recognition: NtmRecognition | null; onClose: () => void }) {
  const revoke = useRevokeRecognition();
  const [decisionNo, setDecisionNo] = useState('');
  const [date, setDate] = useState(formatDate(todayIso()));
  const revokedOn = parseVietnameseDate(date);
  return (
    <Modal opened={recognition !== null} onClose={onClose} title="Thu hồi quyết định công nhận" centered>
      {recognition && (
        <Stack gap="sm">
          <Text size="sm">
            {NTM_LEVEL_LABELS[recognition.level]} theo QĐ {recognition.decisionNo} ngày {formatDate(recognition.decidedOn)}. Quyết định cũ vẫn được giữ trong danh sách, kèm quyết định thu hồi.
          </Text>
          <TextInput label="Số quyết định thu hồi" value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} withAsterisk data-testid="revoke-decision" />
          <TextInput label="Ngày thu hồi (dd/mm/yyyy)" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={date !== '' && !revokedOn ? 'Ngày không hợp lệ.' : undefined} withAsterisk />
          {revoke.error && (
            <Alert color="red" role="alert">
              {apiMessage(revoke.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button
              color="red"
              disabled={!revokedOn || decisionNo.trim() === ''}
              loading={revoke.isPending}
              onClick={() => revokedOn && revoke.mutate({ id: recognition.id, decisionNo, revokedOn }, { onSuccess: onClose })}
              data-testid="revoke-confirm"
            >
              Ghi thu hồi
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Recognition decisions of one commune: list, add, revoke (the revoked row stays with its revoking decision). */
export function RecognitionsCard({ commune }: RecognitionsCardProps) {
  const list = useNtmRecognitions(commune.unitCode);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<NtmRecognition | null>(null);
  const rows = list.data ?? [];
  return (
    <Card withBorder padding="sm" radius="md" data-testid="recognitions">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Quyết định công nhận</Text>
        <Button size="compact-xs" variant="light" onClick={() => setAdding(true)} data-testid="rec-add">
          + Thêm quyết định
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có quyết định công nhận nào.
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid={`rec-${r.decisionNo}`}>
                <Table.Td>
                  <Text size="sm" fw={600} td={r.revokedOn ? 'line-through' : undefined}>
                    {NTM_LEVEL_LABELS[r.level]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    QĐ {r.decisionNo} ngày {formatDate(r.decidedOn)} · {r.issuer}
                  </Text>
                  {r.revokedOn && (
                    <Text size="xs" c="red.8">
                      Đã thu hồi theo QĐ {r.revokedDecisionNo} ngày {formatDate(r.revokedOn)}
                    </Text>
                  )}
                  {r.roundOutcome && (
                    <Text size="xs" c={r.revokedOn ? 'dimmed' : 'orange.9'} data-testid={`rec-round-${r.decisionNo}`}>
                      {r.roundOutcome.outcome === 'revoke_proposed' ? 'Đề nghị thu hồi' : `Phải khắc phục${r.roundOutcome.remedyDue ? ` trước ngày ${formatDate(r.roundOutcome.remedyDue)}` : ''}`} theo đợt rà soát{' '}
                      {r.roundOutcome.documentNo} ({r.roundOutcome.roundTitle}){r.roundOutcome.reason ? `: ${r.roundOutcome.reason}` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!r.revokedOn && (
                    <Button size="compact-xs" color="red" variant="subtle" onClick={() => setRevoking(r)}>
                      Thu hồi
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddRecognitionModal commune={commune} opened={adding} onClose={() => setAdding(false)} />
      <RevokeModal recognition={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
