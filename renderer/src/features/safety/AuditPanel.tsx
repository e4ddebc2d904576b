import { Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from './format';
import { useAuditSearch } from './queries';

const ACTIONS: Record<string, string> = {
  setup: 'Thiết lập ban đầu',
  update: 'Sửa',
  create: 'Thêm',
  profile: 'Sửa thông tin xã',
  submit: 'Gửi',
  lock: 'Khóa kỳ',
  reopen: 'Mở lại kỳ',
  attach: 'Đính kèm tệp',
  revoke: 'Thu hồi',
  restore: 'Khôi phục dữ liệu',
  sign_in: 'Bắt đầu phiên làm việc',
  copy_previous: 'Tạo kỳ mới từ kỳ trước',
};

function short(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** The audit trail: who changed what, when, before → after. Read-only; searchable without diacritics. */
export function AuditPanel() {
  const [query, setQuery] = useState('');
  const audit = useAuditSearch({ query: query.trim() === '' ? undefined : query, limit: 200 });
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Nhật ký thay đổi</Title>
        <TextInput placeholder="Tìm theo người, nội dung… (không cần dấu)" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={360} data-testid="audit-search" />
      </Group>
      {(audit.data ?? []).length === 0 ? (
        <Text c="dimmed">Không có mục nào.</Text>
      ) : (
        <Table striped data-testid="audit-log-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Thời điểm</Table.Th>
              <Table.Th>Người thực hiện</Table.Th>
              <Table.Th>Việc</Table.Th>
              <Table.Th>Đối tượng</Table.Th>
              <Table.Th>Trước → Sau</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(audit.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.staffName ?? '—'}</Table.Td>
                <Table.Td>{ACTIONS[a.action] ?? a.action}</Table.Td>
                <Table.Td>
                  <Text size="sm">{a.entity}</Text>
                  <Text size="xs" c="dimmed">
                    {a.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {short(a.before)}
                    {a.before !== null && ' → '}
                    {short(a.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
