import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  List,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import {
  EXCHANGE_EVENTS,
  type ExchangeImportProgress,
  type ExchangeImportResult,
  type ExchangeTypeCounts,
} from '../../../../core/contract/index';
import { onEvent } from '../../api/client';
import { describeCounts, formatBytes, formatDateTime } from './files';
import { uploadInChunks } from './transfer';
import { useImportBundles, useRetirePeer } from './mutations';
import { PeerKeyImport } from './PeerKeyImport';
import { useExchangeOffices, useImportLog } from './queries';

export type ProvinceImportPanelProps = { passphrase: string | undefined; needsPassphrase: boolean };

function changed(counts: Record<string, ExchangeTypeCounts>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([t, c]) => [t, c.inserted + c.updated]));
}

function received(counts: Record<string, ExchangeTypeCounts>): number {
  return Object.values(counts).reduce((n, c) => n + c.received, 0);
}

/** Province mode: registry of offices and their keys, import of one or many bundles, the import log. */
export function ProvinceImportPanel({ passphrase, needsPassphrase }: ProvinceImportPanelProps) {
  const offices = useExchangeOffices();
  const log = useImportLog({ limit: 100 });
  const importBundles = useImportBundles();
  const retire = useRetirePeer();
  const [progress, setProgress] = useState<ExchangeImportProgress | null>(null);
  const [results, setResults] = useState<ExchangeImportResult[] | null>(null);
  // Cleared after each pick, so choosing the same file again (a retry) still triggers an import.
  const resetFiles = useRef<() => void>(null);
  useEffect(() => onEvent(EXCHANGE_EVENTS.importProgress, (p) => setProgress(p as ExchangeImportProgress)), []);

  const [upload, setUpload] = useState<{ fileName: string; sent: number; size: number } | null>(null);

  // Each file goes up in chunks (any size), then all are imported in one call, in office and sequence order.
  const onFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setResults(null);
    resetFiles.current?.();
    const payload: { fileName: string; uploadId: string }[] = [];
    try {
      for (const f of files) {
        const uploadId = await uploadInChunks(f, (sent) => setUpload({ fileName: f.name, sent, size: f.size }));
        payload.push({ fileName: f.name, uploadId });
      }
    } catch (e) {
      notifications.show({ color: 'red', title: 'Không tải lên được tệp', message: (e as Error).message, autoClose: 15_000 });
      return;
    } finally {
      setUpload(null);
    }
    importBundles.mutate({ files: payload, passphrase }, { onSuccess: setResults });
  };

  return (
    <Stack>
      <Card withBorder padding="lg" radius="md" data-testid="offices-card">
        <Title order={4} mb="xs">
          Các đơn vị gửi dữ liệu
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Mỗi đơn vị gửi tệp khoá ký (.pub). Chỉ gói được ký bằng khoá đã đăng ký của đúng đơn vị mới được nhập.
        </Text>
        {(offices.data ?? []).length > 0 && (
          <Table striped mb="md" data-testid="offices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Dấu vân tay khoá ký</Table.Th>
                <Table.Th>Gói đã nhập gần nhất</Table.Th>
                <Table.Th>Dữ liệu đang giữ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(offices.data ?? []).map((o) => (
                <Table.Tr key={o.officeCode}>
                  <Table.Td>{o.officeCode}</Table.Td>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>
                    {o.fingerprint === null ? (
                      <Badge tt="none" color="gray">
                        Chưa có khoá
                      </Badge>
                    ) : (
                      <Text ff="monospace" size="sm">
                        {o.fingerprint}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {o.lastSequence === null ? '—' : `Số ${o.lastSequence}, ${formatDateTime(o.lastImportAt!)}`}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{describeCounts(o.records)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <PeerKeyImport label="Đăng ký khoá ký của đơn vị" withOfficeCode testId="import-office-key" />
        {retire.isError && <Text c="red">{retire.error.message}</Text>}
      </Card>

      <Card withBorder padding="lg" radius="md" data-testid="import-card">
        <Title order={4} mb="xs">
          Nhập gói dữ liệu
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Chọn một hoặc nhiều tệp .ntmb. Mỗi gói được giải mã, kiểm tra chữ ký, mã băm và từng bản ghi rồi mới ghi vào
          cơ sở dữ liệu trong một giao dịch: gói lỗi không ghi gì. Gói đã nhập hoặc cũ hơn bị từ chối.
        </Text>
        <Group>
          <FileButton
            multiple
            resetRef={resetFiles}
            onChange={(files) => void onFiles(files)}
            accept=".ntmb,application/octet-stream"
            inputProps={{ 'data-testid': 'import-bundles-input' } as React.ComponentProps<'input'>}
          >
            {(props) => (
              <Button
                {...props}
                loading={importBundles.isPending || upload !== null}
                disabled={needsPassphrase && passphrase === undefined}
                data-testid="import-bundles"
              >
                Chọn tệp gói dữ liệu…
              </Button>
            )}
          </FileButton>
        </Group>
        {upload !== null && (
          <Stack gap={4} mt="md" data-testid="upload-progress">
            <Text size="sm">
              Đang tải lên {upload.fileName}: {formatBytes(upload.sent)} / {formatBytes(upload.size)}
            </Text>
            <Progress value={(100 * upload.sent) / Math.max(1, upload.size)} size="lg" animated aria-label="Tiến độ tải lên" />
          </Stack>
        )}
        {importBundles.isPending && progress !== null && (
          <Progress
            value={(100 * (progress.index + (progress.stage === 'done' ? 1 : 0.5))) / progress.total}
            mt="md"
            size="lg"
            animated
            aria-label="Tiến độ nhập"
          />
        )}
        {results !== null && (
          <List mt="md" spacing="xs" data-testid="import-results">
            {results.map((r) => (
              <List.Item key={`${r.fileName}-${r.logId}`}>
                {r.status === 'imported' ? (
                  <Text size="sm">
                    <Badge tt="none" color="green" variant="light" mr="xs">
                      Đã nhập
                    </Badge>
                    {r.fileName}: {r.officeCode}, gói số {r.sequence} — {describeCounts(changed(r.counts))}
                    {r.warnings.map((w) => (
                      <Text key={w.code} size="sm" c="orange">
                        {w.message}
                      </Text>
                    ))}
                  </Text>
                ) : (
                  <Text size="sm">
                    <Badge tt="none" color="red" variant="light" mr="xs">
                      Từ chối
                    </Badge>
                    {r.fileName}: {r.error?.message}{' '}
                    <Text span c="dimmed">
                      ({r.error?.code})
                    </Text>
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="md">
          Nhật ký nhập
        </Title>
        {(log.data ?? []).length === 0 ? (
          <Text c="dimmed">Chưa nhập gói nào.</Text>
        ) : (
          <Table striped data-testid="import-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Đơn vị gửi</Table.Th>
                <Table.Th>Gói</Table.Th>
                <Table.Th>Kết quả</Table.Th>
                <Table.Th>Người nhập</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(log.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.officeCode === null ? '—' : `${e.officeName ?? ''} (${e.officeCode})`}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.sequence === null ? e.fileName : `Số ${e.sequence}`}</Text>
                    <Text size="xs" c="dimmed">
                      {formatBytes(e.fileBytes)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {e.status === 'imported' ? (
                      <Text size="sm">
                        <Badge tt="none" color="green" variant="light" mr="xs">
                          Đã nhập
                        </Badge>
                        {received(e.counts)} bản ghi; mới/cập nhật: {describeCounts(changed(e.counts))}
                      </Text>
                    ) : (
                      <Text size="sm">
                        <Badge tt="none" color="red" variant="light" mr="xs">
                          Từ chối
                        </Badge>
                        {e.message}
                      </Text>
                    )}
                    {e.warnings.length > 0 && (
                      <Alert color="orange" p={4} mt={4}>
                        {e.warnings.map((w) => w.message).join(' ')}
                      </Alert>
                    )}
                  </Table.Td>
                  <Table.Td>{e.staffName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
