import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  EXCHANGE_EVENTS,
  type ExchangeExportMode,
  type ExchangeExportProgress,
  type ExchangeStatus,
} from '../../../../core/contract/index';
import { onEvent } from '../../api/client';
import { describeCounts, formatBytes, formatDateTime } from './files';
import { downloadExportInChunks } from './transfer';
import { useAcknowledgeExport, useExportBundle } from './mutations';
import { PeerKeyImport } from './PeerKeyImport';
import { useExports } from './queries';

export type OfficeExportPanelProps = { status: ExchangeStatus; passphrase: string | undefined };

/** Office mode: the province's recipient key, exports (full or incremental) with progress, download, acknowledgement. */
export function OfficeExportPanel({ status, passphrase }: OfficeExportPanelProps) {
  const [mode, setMode] = useState<ExchangeExportMode>('incremental');
  const [progress, setProgress] = useState<ExchangeExportProgress | null>(null);
  const exportBundle = useExportBundle();
  const [downloading, setDownloading] = useState<{ sequence: number; received: number; size: number } | null>(null);
  const download = useMutation({
    mutationFn: (sequence: number) => downloadExportInChunks(sequence, (received, size) => setDownloading({ sequence, received, size })),
    onSettled: () => setDownloading(null),
    onError: (e) => notifications.show({ color: 'red', title: 'Không tải được tệp', message: e.message, autoClose: 15_000 }),
  });
  const acknowledge = useAcknowledgeExport();
  const exports = useExports();
  useEffect(() => onEvent(EXCHANGE_EVENTS.exportProgress, (p) => setProgress(p as ExchangeExportProgress)), []);
  const recipient = status.provinceRecipient;
  const ready = recipient !== null && status.missingKeys.length === 0;
  const percent = progress === null ? 0 : Math.round((100 * progress.bytesDone) / Math.max(1, progress.bytesTotal));
  const save = (sequence: number) => download.mutate(sequence);

  return (
    <Stack>
      <Card withBorder padding="lg" radius="md" data-testid="province-recipient">
        <Title order={4} mb="xs">
          Khoá nhận của tỉnh
        </Title>
        {recipient === null ? (
          <Text size="sm" c="dimmed" mb="sm">
            Chưa đăng ký. Văn phòng cấp tỉnh gửi tệp khoá nhận (…-khoa-nhan.txt); hãy nhập tệp đó và đối chiếu dấu vân
            tay qua điện thoại.
          </Text>
        ) : (
          <Group mb="sm">
            <Text>{recipient.name}</Text>
            <Badge tt="none" variant="light">
              {recipient.officeCode}
            </Badge>
            <Text ff="monospace" fw={600} data-testid="recipient-fingerprint">
              {recipient.fingerprint}
            </Text>
          </Group>
        )}
        <PeerKeyImport
          label={recipient === null ? 'Nhập tệp khoá nhận của tỉnh' : 'Thay khoá nhận của tỉnh'}
          withOfficeCode={false}
          testId="import-recipient"
        />
      </Card>

      <Card withBorder padding="lg" radius="md" data-testid="export-card">
        <Title order={4} mb="xs">
          Xuất gói dữ liệu gửi tỉnh
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Gói được ký bằng khoá của văn phòng và mã hoá cho tỉnh: không ai trên đường gửi đọc hay sửa được. “Chỉ phần
          thay đổi” gồm những gì tỉnh chưa xác nhận đã nhận
          {status.lastAcknowledged === null ? '' : ` (sau gói số ${status.lastAcknowledged})`}.
        </Text>
        {!ready && (
          <Alert color="yellow" mb="md">
            Cần có khoá của văn phòng và khoá nhận của tỉnh trước khi xuất.
          </Alert>
        )}
        <Group>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as ExchangeExportMode)}
            data={[
              { value: 'incremental', label: 'Chỉ phần thay đổi' },
              { value: 'full', label: 'Toàn bộ dữ liệu' },
            ]}
            data-testid="export-mode"
          />
          <Button
            data-testid="export-bundle"
            disabled={!ready || (status.needsPassphrase && passphrase === undefined)}
            loading={exportBundle.isPending}
            onClick={() => {
              setProgress(null);
              exportBundle.mutate({ mode, periods: [], passphrase }, { onSuccess: (e) => save(e.sequence) });
            }}
          >
            Xuất gói dữ liệu
          </Button>
        </Group>
        {(exportBundle.isPending || progress !== null) && (
          <Progress
            value={percent}
            mt="md"
            size="lg"
            striped={exportBundle.isPending}
            animated={exportBundle.isPending}
            aria-label="Tiến độ xuất"
          />
        )}
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="md">
          Các lần xuất
        </Title>
        {(exports.data ?? []).length === 0 ? (
          <Text c="dimmed">Chưa xuất gói nào.</Text>
        ) : (
          <Table striped data-testid="exports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Số</Table.Th>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Loại</Table.Th>
                <Table.Th>Nội dung</Table.Th>
                <Table.Th>Dung lượng</Table.Th>
                <Table.Th>Tỉnh đã nhận</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(exports.data ?? []).map((e) => (
                <Table.Tr key={e.sequence}>
                  <Table.Td>{e.sequence}</Table.Td>
                  <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>{e.mode === 'full' ? 'Toàn bộ' : 'Phần thay đổi'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeCounts(e.counts)}</Text>
                  </Table.Td>
                  <Table.Td>{formatBytes(e.bytes)}</Table.Td>
                  <Table.Td>
                    {e.acknowledgedAt !== null ? (
                      <Badge tt="none" color="green" variant="light">
                        Đã xác nhận
                      </Badge>
                    ) : status.lastAcknowledged === null || e.sequence > status.lastAcknowledged ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => acknowledge.mutate({ sequence: e.sequence })}
                      >
                        Tỉnh đã nhận
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => save(e.sequence)}
                      loading={downloading?.sequence === e.sequence}
                      disabled={download.isPending && downloading?.sequence !== e.sequence}
                    >
                      Tải về
                    </Button>
                    {downloading?.sequence === e.sequence && downloading.size > 0 && (
                      <Text size="xs" c="dimmed">
                        {Math.round((100 * downloading.received) / downloading.size)}%
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
