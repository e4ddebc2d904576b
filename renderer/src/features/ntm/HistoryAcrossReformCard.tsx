import { Anchor, Badge, Card, Stack, Table, Text, Tooltip } from '@mantine/core';
import { NTM_LEVEL_LABELS, type NtmCommune, type NtmHistoryUnit } from '../../../../core/contract/index';
import { periodLabel } from '../../../../core/ntm/period';
import { formatDate } from './format';
import { useNtmHistoryAcrossReform } from './queries';
import { ASSESSMENT_STATUS } from './statusStyle';

export type HistoryAcrossReformCardProps = { commune: Pick<NtmCommune, 'unitCode' | 'era'> };

/**
 * The commune side by side with the units it came from (or went into) on 1 July 2025: each unit's recognitions
 * (level, decision, date) and its last assessment, as recorded under that unit; nothing is rewritten.
 */
export function HistoryAcrossReformCard({ commune }: HistoryAcrossReformCardProps) {
  const history = useNtmHistoryAcrossReform(commune.unitCode, commune.era);
  if (!history.data || history.data.related.length === 0) return null;
  const h = history.data;
  const rows: NtmHistoryUnit[] = [h.own, ...h.related];
  return (
    <Card withBorder padding="sm" radius="md" data-testid="reform-history">
      <Text fw={600}>{h.direction === 'predecessors' ? 'Lịch sử NTM qua sắp xếp đơn vị hành chính (01/7/2025)' : 'Sau sắp xếp đơn vị hành chính (01/7/2025)'}</Text>
      <Text size="xs" c="dimmed" mb={6}>
        {h.direction === 'predecessors'
          ? 'Xã này và các xã cũ đã nhập vào nó. Quyết định và đánh giá của xã cũ giữ nguyên như đã ghi trước ngày 01/7/2025.'
          : 'Xã cũ này và các xã mới đã tiếp nhận địa bàn của nó.'}
      </Text>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Quyết định công nhận</Table.Th>
            <Table.Th>Đánh giá gần nhất</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={`${u.era}/${u.unitCode}`} data-testid={`reform-history-${u.era === 'current' ? 'new' : 'old'}-${u.unitCode}`}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Anchor href={`#/units/${u.unitCode}/${u.era}`} fw={u.link ? 400 : 700}>
                  {u.fullName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  Mã {u.unitCode} · {u.era === 'current' ? 'từ 01/7/2025' : 'trước 01/7/2025'}
                </Text>
                {u.link && (
                  <Tooltip label={u.link.clauseText.replace(/\*\*/g, '')} multiline w={420} withArrow>
                    <Badge tt="none" size="sm" variant="light" color={u.link.share === 'full' ? 'blue' : 'orange'} mt={2}>
                      {u.link.share === 'full' ? 'Toàn bộ' : 'Một phần'} · NQ {u.link.resolution}
                    </Badge>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {u.recognitions.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    Chưa có
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {u.recognitions.map((r) => (
                      <Text key={r.id} size="xs" td={r.revokedOn ? 'line-through' : undefined}>
                        <b>{NTM_LEVEL_LABELS[r.level]}</b> — QĐ {r.decisionNo} ngày {formatDate(r.decidedOn)}
                        {r.revokedOn ? ` (thu hồi ${formatDate(r.revokedOn)})` : ''}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {u.lastAssessment ? (
                  <Text size="xs">
                    {periodLabel(u.lastAssessment.period)}: <b>{u.lastAssessment.metCount}/{u.lastAssessment.criteriaCount}</b> tiêu chí đạt
                    {u.lastAssessment.band ? ` · ${u.lastAssessment.band}` : ''} · {ASSESSMENT_STATUS[u.lastAssessment.status].label}
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    Chưa có
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
