import { Badge, Button, Card, Group, Modal, Progress, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo } from '../../../../core/contract/index';
import { PRODUCT_STATUSES, type ProductStatus } from '../../../../core/ocop';
import { starsText, STATUS_COLORS, vnDate, vnNumber } from './format';
import { ProductForm } from './ProductForm';
import { useProducts } from './queries';

export type ProductsViewProps = { info: AppInfo; onOpen: (id: string) => void };

export function ProductsView({ info, onOpen }: ProductsViewProps) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ProductStatus | null>(null);
  const products = useProducts({ query: query || undefined, status: status ?? undefined });
  const [creating, setCreating] = useState(false);
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md">
        <Group>
          <TextInput placeholder="Tìm sản phẩm, chủ thể, mã số…" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={300} data-testid="product-search" />
          <Select
            placeholder="Mọi trạng thái"
            data={Object.entries(PRODUCT_STATUSES).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={(v) => setStatus(v as ProductStatus | null)}
            clearable
            w={200}
          />
        </Group>
        <Button onClick={() => setCreating(true)} data-testid="product-new">
          + Đăng ký sản phẩm
        </Button>
      </Group>
      {products.isSuccess && products.data.length === 0 ? (
        <Text c="dimmed">Chưa có sản phẩm nào{query || status ? ' khớp bộ lọc' : ''}.</Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mã số</Table.Th>
              <Table.Th>Sản phẩm</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th>Kết quả</Table.Th>
              <Table.Th>Giấy chứng nhận</Table.Th>
              <Table.Th w={140}>Hồ sơ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(products.data ?? []).map((p) => (
              <Table.Tr key={p.id} onClick={() => onOpen(p.id)} style={{ cursor: 'pointer' }} data-testid="product-row">
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {p.productCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="xs" c="dimmed">
                    {p.producerName} · {p.unitName} · bộ {p.sheetNo}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[p.status]} variant="light">
                    {PRODUCT_STATUSES[p.status]}
                  </Badge>
                  {p.communeDueOn && (
                    <Text size="xs" c="dimmed">
                      hạn xã: {vnDate(p.communeDueOn)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.latestEvaluation?.total != null ? (
                    <Text size="sm">
                      {vnNumber(p.latestEvaluation.total)} điểm ·{' '}
                      {p.latestEvaluation.disqualified ? (
                        <Text span c="red" fw={600}>
                          bị loại
                        </Text>
                      ) : (
                        <Text span c="yellow.8">
                          {starsText(p.latestEvaluation.stars ?? 0)}
                        </Text>
                      )}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {p.latestEvaluation ? 'đang chấm' : 'chưa chấm'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.certificate ? (
                    <Text size="sm" c={p.certificate.state === 'valid' ? undefined : 'red'}>
                      {p.certificate.number} · {p.certificate.stars}★ · đến {vnDate(p.certificate.expiresOn)}
                      {p.certificate.state === 'revoked' && ' (đã thu hồi)'}
                      {p.certificate.state === 'expired' && ' (hết hạn)'}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={`${p.dossier.satisfied}/${p.dossier.required} thành phần bắt buộc`}>
                    <div>
                      <Progress value={(p.dossier.satisfied * 100) / Math.max(1, p.dossier.required)} color={p.dossier.satisfied === p.dossier.required ? 'green' : 'yellow'} />
                      <Text size="xs" c="dimmed">
                        {p.dossier.satisfied}/{p.dossier.required}
                      </Text>
                    </div>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Đăng ký sản phẩm OCOP" size="xl">
        {creating && (
          <ProductForm
            info={info}
            onDone={(p) => {
              setCreating(false);
              onOpen(p.id);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
