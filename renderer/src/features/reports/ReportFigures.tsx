import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { starChartSpec, trendChartSpec } from '../../../../core/reports/chartLayout';
import type { Figure, ReportModel } from '../../../../core/reports/model';
import { formatVnDate, formatVnDelta, formatVnNumber } from '../../../../core/reports/vnFormat';
import { BarChart } from './BarChart';
import { FigureList, type OpenFigure } from './FigureList';
import { PlanResultsCard } from './PlanResultsCard';

export type ReportFiguresProps = { model: ReportModel };

/** Every figure of the report; each number is a button that lists the communes or products it counts. */
export function ReportFigures({ model }: ReportFiguresProps) {
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const { ntm, ocop } = model;
  const Num = ({ figure, title }: { figure: Figure; title: string }) => (
    <Button variant="subtle" size="compact-sm" onClick={() => setOpen({ title, figure })} aria-label={`${title}: ${figure.value}`} data-testid="report-figure">
      {formatVnNumber(figure.value, 0)}
    </Button>
  );
  const trend = trendChartSpec(model);
  const stars = starChartSpec(model);
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Số liệu đến ngày {formatVnDate(model.asOf)} ({model.periodLabel}; kỳ trước: {model.previousPeriodLabel}). Bấm vào một con số để xem các xã hoặc sản phẩm
        được tính.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Xã theo mức độ đạt chuẩn
          </Title>
          <Table data-testid="report-levels">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mức độ</Table.Th>
                <Table.Th>{model.previousPeriodLabel}</Table.Th>
                <Table.Th>{model.periodLabel}</Table.Th>
                <Table.Th>Tăng/giảm</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ntm.levels.map((l) => (
                <Table.Tr key={l.level}>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td>
                    <Num figure={l.previous} title={`${l.label} — ${model.previousPeriodLabel}`} />
                  </Table.Td>
                  <Table.Td>
                    <Num figure={l.current} title={`${l.label} — ${model.periodLabel}`} />
                  </Table.Td>
                  <Table.Td>{formatVnDelta(l.current.value, l.previous.value, 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs">
            Công nhận trong kỳ: <Num figure={ntm.recognizedInPeriod} title="Xã được công nhận trong kỳ" /> · Thu hồi trong kỳ:{' '}
            <Num figure={ntm.revokedInPeriod} title="Xã bị thu hồi quyết định trong kỳ" />
          </Text>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Mức độ đạt tiêu chí
          </Title>
          {ntm.catalog ? (
            <>
              <Text size="sm">
                {ntm.catalog.name}. Đã đánh giá <Num figure={ntm.assessed} title="Xã đã đánh giá" />/{formatVnNumber(ntm.communes.value, 0)} xã; bình quân{' '}
                <b>{formatVnNumber(ntm.averageMet)}</b> tiêu chí/xã (kỳ trước {formatVnNumber(ntm.previousAverageMet)}).
              </Text>
              <Table mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Số tiêu chí đạt</Table.Th>
                    <Table.Th>{model.previousPeriodLabel}</Table.Th>
                    <Table.Th>{model.periodLabel}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ntm.bands.map((b) => (
                    <Table.Tr key={b.label}>
                      <Table.Td>{b.label}</Table.Td>
                      <Table.Td>{b.previous ? <Num figure={b.previous} title={`${b.label} — kỳ trước`} /> : '—'}</Table.Td>
                      <Table.Td>
                        <Num figure={b.current} title={`${b.label} — ${model.periodLabel}`} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <Alert color="yellow">Chưa có bộ tiêu chí xã NTM áp dụng cho kỳ này.</Alert>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          Số xã đạt chuẩn nông thôn mới qua 8 quý
        </Title>
        <BarChart
          spec={trend}
          testId="report-trend-chart"
          onBarClick={(s, c) => {
            const t = ntm.trend[c]!;
            setOpen(s === 0 ? { title: `Xã đạt chuẩn NTM — ${t.quarter}`, figure: t.recognized } : { title: `Xã đạt đủ tiêu chí — ${t.quarter}`, figure: t.fullyMet });
          }}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Tiêu chí chưa đạt và ngành phụ trách
          </Title>
          <Table data-testid="report-criteria">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th>Xã chưa đạt</Table.Th>
                <Table.Th>Ngành phụ trách</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ntm.criteriaNotMet
                .filter((c) => c.notMet.value > 0)
                .map((c) => (
                  <Table.Tr key={c.no}>
                    <Table.Td>
                      {c.no}. {c.name}
                    </Table.Td>
                    <Table.Td>
                      <Num figure={c.notMet} title={`Chưa đạt tiêu chí ${c.no}. ${c.name}`} />
                    </Table.Td>
                    <Table.Td>{c.sector ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
          {ntm.criteriaNotMet.every((c) => c.notMet.value === 0) && (
            <Text c="dimmed">{ntm.assessed.value === 0 ? 'Chưa có xã nào được đánh giá trong kỳ này.' : 'Không có tiêu chí nào chưa đạt.'}</Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Xã có nguy cơ bị thu hồi quyết định công nhận <Num figure={ntm.atRisk} title="Xã có nguy cơ bị thu hồi" />
          </Title>
          <Stack gap="xs">
            {ntm.rows
              .filter((r) => r.atRisk)
              .map((r) => (
                <Text size="sm" key={r.unitCode}>
                  <Badge color="red" mr="xs">
                    {r.name}
                  </Badge>
                  {r.riskMessage}
                </Text>
              ))}
            {ntm.atRisk.value === 0 && <Text c="dimmed">Không có xã nào.</Text>}
          </Stack>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            Sản phẩm OCOP
          </Title>
          <Table data-testid="report-ocop">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hạng</Table.Th>
                <Table.Th>Kỳ trước</Table.Th>
                <Table.Th>Kỳ này</Table.Th>
                <Table.Th>Mới trong kỳ</Table.Th>
                <Table.Th>Hết hạn trong 6 tháng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ocop.byStars.map((s) => (
                <Table.Tr key={s.stars}>
                  <Table.Td>{s.stars} sao</Table.Td>
                  <Table.Td>
                    <Num figure={s.previous} title={`${s.stars} sao — kỳ trước`} />
                  </Table.Td>
                  <Table.Td>
                    <Num figure={s.current} title={`${s.stars} sao — ${model.periodLabel}`} />
                  </Table.Td>
                  <Table.Td>
                    <Num figure={s.newInPeriod} title={`${s.stars} sao công nhận trong kỳ`} />
                  </Table.Td>
                  <Table.Td>
                    <Num figure={s.expiringSoon} title={`${s.stars} sao hết hạn đến ${formatVnDate(ocop.horizonEnd)}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="xs" mt="xs">
            <Text size="sm">Hồ sơ đang thực hiện:</Text>
            <Num figure={ocop.inProgress} title="Hồ sơ OCOP đang thực hiện" />
            {ocop.inProgressByStatus
              .filter((s) => s.figure.value > 0)
              .map((s) => (
                <Badge key={s.status} variant="light">
                  {s.label}: {s.figure.value}
                </Badge>
              ))}
          </Group>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            Sản phẩm OCOP còn hiệu lực theo hạng sao
          </Title>
          <BarChart
            spec={stars}
            testId="report-star-chart"
            onBarClick={(s, c) => {
              const row = ocop.byStars[c]!;
              setOpen({ title: `${row.stars} sao — ${s === 0 ? model.previousPeriodLabel : model.periodLabel}`, figure: s === 0 ? row.previous : row.current });
            }}
          />
        </Card>
      </SimpleGrid>
      <PlanResultsCard model={model} />
      <FigureList model={model} open={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
