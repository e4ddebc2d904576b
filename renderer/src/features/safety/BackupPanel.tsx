import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntryView } from '../../../../core/contract/safety';
import { BACKUP_REASON, formatBytes, formatDateTime } from './format';
import { useBackups, useCreateBackup, useRestoreBackup } from './queries';

const TABLE_LABELS: Record<string, string> = {
  ntm_commune: 'xã',
  ntm_assessment: 'kỳ đánh giá',
  ntm_value: 'số liệu chỉ tiêu',
  ntm_recognition: 'quyết định công nhận',
  ntm_evidence_file: 'tệp minh chứng',
  audit_log: 'dòng nhật ký',
};

export type BackupPanelProps = { electron: boolean };

/** Back up now, see every backup with what it holds, restore one after confirming. */
export function BackupPanel({ electron }: BackupPanelProps) {
  const backups = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [confirm, setConfirm] = useState<BackupEntryView | null>(null);
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Sao lưu và khôi phục</Title>
        <Group gap="xs">
          <Button onClick={() => create.mutate('data-folder')} loading={create.isPending} data-testid="backup-now">
            Sao lưu ngay
          </Button>
          {electron && (
            <Button variant="light" onClick={() => create.mutate('choose-folder')} loading={create.isPending}>
              Sao lưu ra thư mục khác (USB)…
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Ứng dụng tự sao lưu mỗi ngày khi đang mở (giữ 7 bản gần nhất) và trước mỗi lần nâng cấp dữ liệu. Mỗi bản sao lưu được đọc lại và kiểm tra sau khi ghi.
      </Text>
      {(backups.data ?? []).length === 0 ? (
        <Text c="dimmed">Chưa có bản sao lưu nào.</Text>
      ) : (
        <Table striped data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Thời điểm</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th>Văn phòng</Table.Th>
              <Table.Th>Dung lượng</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(backups.data ?? []).map((b) => (
              <Table.Tr key={b.fileName}>
                <Table.Td>{b.manifest ? formatDateTime(b.manifest.createdAt) : b.fileName}</Table.Td>
                <Table.Td>{b.manifest ? <Badge variant="light">{BACKUP_REASON[b.manifest.reason] ?? b.manifest.reason}</Badge> : <Badge color="red">Hỏng</Badge>}</Table.Td>
                <Table.Td>{b.manifest?.office?.officeName ?? b.problem ?? '—'}</Table.Td>
                <Table.Td>{formatBytes(b.size)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" disabled={!b.manifest} onClick={() => setConfirm(b)}>
                    Khôi phục…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Khôi phục bản sao lưu" size="lg">
        {confirm?.manifest && (
          <Stack>
            <Text>
              Bản sao lưu lúc <b>{formatDateTime(confirm.manifest.createdAt)}</b> của <b>{confirm.manifest.office?.officeName ?? 'văn phòng chưa thiết lập'}</b>{' '}
              ({confirm.manifest.office?.unitName}) gồm:
            </Text>
            <Text size="sm">
              {Object.entries(confirm.manifest.counts)
                .map(([t, n]) => `${n.toLocaleString('vi-VN')} ${TABLE_LABELS[t] ?? t}`)
                .join(' · ')}{' '}
              · {confirm.manifest.attachments.length.toLocaleString('vi-VN')} tệp đính kèm
            </Text>
            <Alert color="yellow">
              Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này. Trước khi thay, ứng dụng tự sao lưu dữ liệu hiện tại để có thể quay lại.
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Hủy
              </Button>
              <Button
                color="red"
                loading={restore.isPending}
                onClick={() => restore.mutate(confirm.fileName, { onSettled: () => setConfirm(null) })}
                data-testid="restore-confirm"
              >
                Khôi phục
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
