import { Alert, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { ReformCandidate, ReformEntity, ReformQueueItem, ReformRecord, ReformRepointResult } from '../../../../core/contract/index';
import { useReformQueue, useRepoint, useResolveQueueItem } from './reformQueries';

const KIND_LABELS: Record<ReformEntity, string> = { ocop_producer: 'Chủ thể OCOP', ocop_product: 'Sản phẩm OCOP' };
const clause = (text: string) => text.replace(/\*\*/g, '');
const oldUnit = (r: ReformRecord) => `${r.oldName ?? 'Không rõ tên'} (mã ${r.oldCode})`;

/**
 * '#/units': moves this office's OCOP producers and products still addressed to a unit that ceased on 1 July 2025.
 * A preview lists what would move; the run (after a confirmation) moves full links with an audit entry each and
 * puts partial ones in the review queue below, where a person picks one of the candidates or leaves it for later.
 */
export function ReformQueuePanel() {
  const repoint = useRepoint();
  const [confirming, setConfirming] = useState(false);
  const result = repoint.data;
  const run = (dryRun: boolean) => {
    repoint.mutate(dryRun, { onSettled: () => setConfirming(false) });
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="reform-panel">
      <Stack gap="sm">
        <div>
          <Title order={3}>Chuyển hồ sơ sang đơn vị mới</Title>
          <Text size="sm" c="dimmed">
            Chủ thể và sản phẩm OCOP còn ghi theo xã, phường trước ngày 01/7/2025. Xã cũ nhập toàn bộ vào một xã mới được chuyển ngay
            (có ghi nhật ký, nêu căn cứ nghị quyết); xã cũ bị chia thì hồ sơ chờ người xác nhận trong danh sách bên dưới. Mã số sản phẩm
            đã chứng nhận được giữ nguyên.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => run(true)} loading={repoint.isPending && repoint.variables === true} data-testid="reform-preview">
            Xem trước
          </Button>
          <Button onClick={() => setConfirming(true)} disabled={repoint.isPending} data-testid="reform-run">
            Thực hiện
          </Button>
        </Group>
        {repoint.isError && (
          <Alert color="red" title="Không thực hiện được" data-testid="reform-error">
            {repoint.error.message}
          </Alert>
        )}
        {result && <RepointResult result={result} />}
        <ReviewQueue />
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Chuyển hồ sơ sang đơn vị mới" size="lg">
        <Stack gap="sm">
          <Text size="sm">
            Hồ sơ của xã cũ nhập toàn bộ vào một xã mới sẽ được chuyển ngay sang xã mới, mỗi hồ sơ có một dòng nhật ký. Hồ sơ của xã cũ bị
            chia sẽ vào danh sách chờ xác nhận; không hồ sơ nào bị đoán đơn vị.
          </Text>
          {result?.dryRun && (
            <Text size="sm" fw={600}>
              Theo lần xem trước: {result.repointed.length} hồ sơ được chuyển, {result.queued.length} hồ sơ chờ xác nhận.
            </Text>
          )}
          {repoint.isError && <Alert color="red">{repoint.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Huỷ
            </Button>
            <Button onClick={() => run(false)} loading={repoint.isPending} data-testid="reform-confirm">
              Chuyển hồ sơ
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function RepointResult({ result }: { result: ReformRepointResult }) {
  const { repointed, queued, otherOffice, unknown } = result;
  const nothing = repointed.length + queued.length + otherOffice.length + unknown.length === 0;
  return (
    <Alert
      color={result.dryRun ? 'blue' : 'green'}
      variant="light"
      title={result.dryRun ? 'Xem trước (chưa thay đổi gì)' : 'Đã thực hiện'}
      data-testid={result.dryRun ? 'reform-plan' : 'reform-done'}
    >
      {nothing ? (
        <Text size="sm">Không còn hồ sơ nào ghi theo đơn vị cũ.</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="reform-counts">
            {result.dryRun ? 'Sẽ chuyển' : 'Đã chuyển'}: {repointed.length} · Chờ xác nhận: {queued.length}
            {otherOffice.length > 0 && ` · Thuộc văn phòng khác: ${otherOffice.length}`}
            {unknown.length > 0 && ` · Không xác định được: ${unknown.length}`}
          </Text>
          {repointed.length > 0 && (
            <Table verticalSpacing={4} withTableBorder data-testid="reform-repointed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Loại hồ sơ</Table.Th>
                  <Table.Th>Tên</Table.Th>
                  <Table.Th>Đơn vị cũ</Table.Th>
                  <Table.Th>Đơn vị mới</Table.Th>
                  <Table.Th>Căn cứ</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {repointed.map((r) => (
                  <Table.Tr key={`${r.entity}/${r.id}`}>
                    <Table.Td>{KIND_LABELS[r.entity]}</Table.Td>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>{oldUnit(r)}</Table.Td>
                    <Table.Td>
                      {r.newName} (mã {r.newCode})
                    </Table.Td>
                    <Table.Td>Nghị quyết {r.resolution}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {queued.length > 0 &&
            (result.dryRun ? (
              <Text size="sm">Sẽ chờ xác nhận (xã cũ bị chia): {queued.map((q) => `${q.label} — ${oldUnit(q)}`).join('; ')}</Text>
            ) : (
              <Text size="sm">Hồ sơ của xã cũ bị chia đang chờ xác nhận trong danh sách bên dưới.</Text>
            ))}
          {otherOffice.length > 0 && (
            <Text size="sm" c="dimmed">
              Thuộc văn phòng khác (văn phòng đó tự chuyển): {otherOffice.map((r) => `${r.label} — ${oldUnit(r)}`).join('; ')}
            </Text>
          )}
          {unknown.length > 0 && (
            <Text size="sm" c="orange.8">
              Mã đơn vị không có trong danh mục hoặc không có thông tin sắp xếp, giữ nguyên: {unknown.map((r) => `${r.label} — mã ${r.oldCode}`).join('; ')}
            </Text>
          )}
        </Stack>
      )}
    </Alert>
  );
}

function ReviewQueue() {
  const queue = useReformQueue();
  return (
    <Stack gap={4}>
      <Text fw={600}>Hồ sơ chờ xác nhận đơn vị mới</Text>
      {queue.isPending && <Loader size="sm" aria-label="Đang tải" />}
      {queue.isError && (
        <Alert color="red" title="Không tải được danh sách chờ">
          {queue.error.message}
        </Alert>
      )}
      {queue.data && queue.data.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="reform-queue-empty">
          Không có hồ sơ nào chờ xác nhận.
        </Text>
      )}
      {queue.data && queue.data.length > 0 && (
        <Table verticalSpacing="xs" withTableBorder data-testid="reform-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Loại hồ sơ</Table.Th>
              <Table.Th>Tên</Table.Th>
              <Table.Th>Đơn vị cũ</Table.Th>
              <Table.Th>Đơn vị mới có thể (di chuột xem điều khoản)</Table.Th>
              <Table.Th>Chọn đơn vị mới</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((item) => (
              <QueueRow key={item.queueId} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function QueueRow({ item }: { item: ReformQueueItem }) {
  const resolve = useResolveQueueItem();
  const [picked, setPicked] = useState<string | null>(null);
  const options = item.candidates.map((c) => ({ value: c.unit.code, label: `${c.unit.fullName} (mã ${c.unit.code})` }));
  return (
    <Table.Tr data-testid={`reform-queue-row-${item.queueId}`} style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{KIND_LABELS[item.entity]}</Table.Td>
      <Table.Td>
        {item.label}
        {item.officeCode !== '' && (
          <Text size="xs" c="dimmed">
            Dữ liệu của {item.officeCode}
          </Text>
        )}
        {item.status === 'later' && (
          <Badge ml={6} size="sm" tt="none" variant="light" color="gray">
            Để sau
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{oldUnit(item)}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {item.candidates.map((c) => (
            <CandidateLine key={c.unit.code} c={c} />
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap={6} wrap="nowrap">
            <Select
              aria-label={`Đơn vị mới của ${item.label}`}
              placeholder="Chọn đơn vị mới"
              data={options}
              value={picked}
              onChange={setPicked}
              size="xs"
              w={210}
              comboboxProps={{ withinPortal: true }}
              data-testid={`reform-pick-${item.queueId}`}
            />
            <Button
              size="xs"
              disabled={!picked}
              loading={resolve.isPending && resolve.variables?.newUnitCode !== 'later'}
              onClick={() => picked && resolve.mutate({ id: item.queueId, newUnitCode: picked })}
              data-testid={`reform-resolve-${item.queueId}`}
            >
              Xác nhận
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={item.status === 'later'}
              loading={resolve.isPending && resolve.variables?.newUnitCode === 'later'}
              onClick={() => resolve.mutate({ id: item.queueId, newUnitCode: 'later' })}
              data-testid={`reform-later-${item.queueId}`}
            >
              Để sau
            </Button>
          </Group>
          {resolve.isError && (
            <Text size="xs" c="red" data-testid={`reform-row-error-${item.queueId}`}>
              {resolve.error.message}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function CandidateLine({ c }: { c: ReformCandidate }) {
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {c.unit.fullName}{' '}
        <Text span size="xs" c="dimmed">
          (mã {c.unit.code})
        </Text>
      </Text>
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" tt="none" variant="light" color={c.share === 'full' ? 'blue' : 'orange'} style={{ flexShrink: 0 }}>
          {c.share === 'full' ? 'Toàn bộ' : 'Một phần'}
        </Badge>
        <Tooltip label={clause(c.clauseText)} multiline w={460} withArrow position="left" events={{ hover: true, focus: true, touch: true }}>
          <Text size="xs" c="blue.7" td="underline" style={{ cursor: 'help', whiteSpace: 'nowrap' }} tabIndex={0} data-testid={`reform-clause-${c.unit.code}`}>
            NQ {c.resolution}
          </Text>
        </Tooltip>
      </Group>
    </div>
  );
}
