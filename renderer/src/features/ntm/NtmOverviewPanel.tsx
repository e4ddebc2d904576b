import { Alert, Anchor, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { NTM_LEVEL_LABELS, type NtmLevel, type NtmOverview } from '../../../../core/contract/index';
import { periodLabel } from '../../../../core/ntm/period';
import { currentPeriod, formatDelta, formatNumber } from './format';
import { ntmHash } from './ntmRoute';
import { PeriodPicker } from './PeriodPicker';
import { useNtmOverview } from './queries';
import { TrendChart } from './TrendChart';

export type NtmOverviewPanelProps = {
  /** The quarter to show; when omitted the panel starts at the current quarter and shows its own picker. */
  period?: string;
  /** Where a click on a commune goes; by default the commune page of the NTM screen. */
  onOpenCommune?: (unitCode: string, period: string) => void;
};

function openCommuneByHash(unitCode: string, period: string) {
  window.location.hash = ntmHash({ kind: 'commune', unitCode, period });
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string | null; testId: string }) {
  return (
    <Card withBorder padding="sm" radius="md" h="100%">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.2} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** NTM figures of one quarter for the Tổng quan page: levels, bands, average, trend, communes at risk. */
export function NtmOverviewPanel({ period: controlled, onOpenCommune = openCommuneByHash }: NtmOverviewPanelProps) {
  const [own, setOwn] = useState(currentPeriod);
  const period = controlled ?? own;
  const overview = useNtmOverview(period);
  return (
    <Stack gap="sm" data-testid="ntm-overview">
      <Group justify="space-between">
        <Title order={3}>Nông thôn mới — {periodLabel(period)}</Title>
        {controlled === undefined && <PeriodPicker value={period} onChange={setOwn} />}
      </Group>
      {overview.isPending && <Loader size="sm" aria-label="Đang tải" />}
      {overview.isError && (
        <Alert color="red" title="Không tải được số liệu NTM">
          {overview.error.message}
        </Alert>
      )}
      {overview.data && <OverviewBody data={overview.data} onOpenCommune={onOpenCommune} />}
    </Stack>
  );
}

function OverviewBody({ data, onOpenCommune }: { data: NtmOverview; onOpenCommune: (unitCode: string, period: string) => void }) {
  const avgDelta = formatDelta(data.averageMet, data.previousAverageMet);
  const fully = data.bands[0];
  const levels = Object.keys(NTM_LEVEL_LABELS) as NtmLevel[];
  const recognised = levels.reduce((n, l) => n + data.byLevel[l], 0);
  const maxBand = Math.max(1, ...data.bands.map((b) => Math.max(b.count, b.previous)));
  // A commune may be listed by its assessment and by a round's outcome: count it once.
  const atRiskCount = new Set(data.atRisk.map((r) => r.unitCode)).size;
  const fromRounds = data.atRisk.filter((r) => r.source === 'round').length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Bộ tiêu chí: {data.catalog.name} ({data.catalog.decision}) · so sánh với {periodLabel(data.previousPeriod)}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label="Xã đã đánh giá" value={`${data.assessedCount}/${data.communeCount}`} hint={`${recognised} xã đã được công nhận`} testId="ntm-ov-assessed" />
        <Stat
          label="Bình quân tiêu chí/xã"
          value={formatNumber(data.averageMet)}
          hint={avgDelta === null ? 'Quý trước chưa có số liệu' : `${avgDelta.startsWith('+') ? '▲ ' : avgDelta.startsWith('−') ? '▼ ' : ''}${avgDelta} so với quý trước (${formatNumber(data.previousAverageMet)})`}
          testId="ntm-ov-average"
        />
        <Stat label={fully?.label ?? 'Đạt đủ tiêu chí'} value={String(fully?.count ?? 0)} hint={fully ? `Quý trước: ${fully.previous}` : null} testId="ntm-ov-full" />
        <Stat
          label="Nguy cơ bị thu hồi"
          value={String(atRiskCount)}
          hint={[data.catalog.periodTo <= 2025 ? 'Theo QĐ 18/2022/QĐ-TTg' : 'Chưa có quy định thu hồi cho giai đoạn này', fromRounds ? `${fromRounds} theo kết quả rà soát` : null].filter(Boolean).join('; ')}
          testId="ntm-ov-risk"
        />
      </SimpleGrid>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 5 }}>
            <Card withBorder padding="sm" radius="md" h="100%">
              <Text fw={600} mb={6}>
                Số tiêu chí đạt mỗi xã
              </Text>
              <Table verticalSpacing={4} horizontalSpacing="xs" data-testid="ntm-ov-bands">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nhóm</Table.Th>
                    <Table.Th ta="right">Số xã</Table.Th>
                    <Table.Th ta="right">Thay đổi</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.bands.map((b) => {
                    const d = formatDelta(b.count, b.previous, 0);
                    return (
                      <Table.Tr key={b.label}>
                        <Table.Td>
                          <Text size="sm">{b.label}</Text>
                          <div style={{ height: 5, background: '#e9ecef', borderRadius: 3, marginTop: 2 }} aria-hidden>
                            <div style={{ width: `${(b.count / maxBand) * 100}%`, height: 5, background: '#40c057', borderRadius: 3 }} />
                          </div>
                        </Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {b.count}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" c="dimmed" title={`Quý trước: ${b.previous}`}>
                            {d}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card withBorder padding="sm" radius="md" h="100%">
              <Text fw={600} mb={6}>
                Xu hướng 8 quý (bình quân tiêu chí/xã)
              </Text>
              <TrendChart trend={data.trend} maxCriteria={data.catalog.criteriaCount} />
            </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
            <Card withBorder padding="sm" radius="md" h="100%">
              <Text fw={600} mb={6}>
                Xã theo mức công nhận
              </Text>
              <Table verticalSpacing={4} horizontalSpacing="xs" data-testid="ntm-ov-levels">
                <Table.Tbody>
                  {levels.map((l) => (
                    <Table.Tr key={l}>
                      <Table.Td>{NTM_LEVEL_LABELS[l]}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {data.byLevel[l]}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td c="dimmed">Chưa được công nhận</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {data.communeCount - recognised}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="sm" radius="md" h="100%" data-testid="ntm-ov-atrisk">
            <Group gap="xs" mb={6}>
              <Text fw={600}>Xã có nguy cơ bị thu hồi quyết định công nhận</Text>
              <Badge tt="none" color={atRiskCount ? 'red' : 'gray'} variant="light">
                {atRiskCount}
              </Badge>
            </Group>
            {data.atRisk.length === 0 ? (
              <Text size="sm" c="dimmed">
                Không có xã nào trong quý này.
              </Text>
            ) : (
              <Stack gap={6}>
                {data.atRisk.map((r) => (
                  <div key={`${r.unitCode}/${r.source}`}>
                    <Group gap={6}>
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        onClick={() => onOpenCommune(r.unitCode, data.period)}
                        data-testid={r.source === 'round' ? `ntm-ov-atrisk-round-${r.unitCode}` : `ntm-ov-atrisk-${r.unitCode}`}
                      >
                        ⚠ {r.name}
                      </Anchor>
                      {r.round && (
                        <Badge size="sm" tt="none" variant="light" color={r.round.outcome === 'revoke_proposed' ? 'red' : 'orange'}>
                          {r.round.outcome === 'revoke_proposed' ? 'Đề nghị thu hồi' : 'Phải khắc phục'} · đợt rà soát {r.round.documentNo}
                        </Badge>
                      )}
                      {r.round?.overdue && (
                        <Badge size="sm" tt="none" variant="filled" color="red">
                          Quá hạn khắc phục
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">{r.message}</Text>
                  </div>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
