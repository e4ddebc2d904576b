import { Badge, Modal, ScrollArea, Table, Text } from '@mantine/core';
import type { Figure, ReportModel } from '../../../../core/reports/model';
import { LEVEL_LABELS } from '../../../../core/reports/model';
import { formatVnDate } from '../../../../core/reports/vnFormat';

export type OpenFigure = { title: string; figure: Figure };

export type FigureListProps = { model: ReportModel; open: OpenFigure | null; onClose: () => void };

/** The communes or products behind one figure of the report, from the model itself (the snapshot when saved). */
export function FigureList({ model, open, onClose }: FigureListProps) {
  const communes = new Map(model.ntm.rows.map((r) => [r.unitCode, r]));
  const products = new Map(model.ocop.rows.map((r) => [r.id, r]));
  return (
    <Modal opened={open !== null} onClose={onClose} title={open ? `${open.title}: ${open.figure.value}` : ''} size="lg">
      {open && open.figure.value === 0 && <Text c="dimmed">Không có {open.figure.kind === 'commune' ? 'xã' : 'sản phẩm'} nào.</Text>}
      {open && open.figure.value > 0 && (
        <ScrollArea.Autosize mah="60vh">
          <Table striped data-testid="figure-list">
            <Table.Thead>
              {open.figure.kind === 'commune' ? (
                <Table.Tr>
                  <Table.Th>Mã xã</Table.Th>
                  <Table.Th>Tên xã</Table.Th>
                  <Table.Th>Mức đạt chuẩn</Table.Th>
                  <Table.Th>Tiêu chí đạt</Table.Th>
                </Table.Tr>
              ) : (
                <Table.Tr>
                  <Table.Th>Mã sản phẩm</Table.Th>
                  <Table.Th>Sản phẩm</Table.Th>
                  <Table.Th>Hạng</Table.Th>
                  <Table.Th>Hết hạn</Table.Th>
                </Table.Tr>
              )}
            </Table.Thead>
            <Table.Tbody>
              {open.figure.kind === 'commune'
                ? open.figure.ids.map((code) => {
                    const r = communes.get(code);
                    return (
                      <Table.Tr key={code}>
                        <Table.Td>{code}</Table.Td>
                        <Table.Td>{r?.name ?? '—'}</Table.Td>
                        <Table.Td>{r ? LEVEL_LABELS[r.level] : '—'}</Table.Td>
                        <Table.Td>
                          {r?.metCount ?? '—'}
                          {r?.atRisk && (
                            <Badge ml="xs" color="red" size="sm">
                              nguy cơ thu hồi
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                : open.figure.ids.map((id) => {
                    const p = products.get(id);
                    return (
                      <Table.Tr key={id}>
                        <Table.Td>{p?.code ?? id}</Table.Td>
                        <Table.Td>
                          {p?.name ?? '—'}
                          <Text size="xs" c="dimmed">
                            {p?.producerName} — {p?.unitName}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p?.stars ? `${p.stars} sao` : (p?.statusLabel ?? '—')}</Table.Td>
                        <Table.Td>{formatVnDate(p?.expiresOn) || '—'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Modal>
  );
}
