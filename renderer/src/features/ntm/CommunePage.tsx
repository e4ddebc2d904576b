import { Alert, Anchor, Badge, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { NTM_LEVEL_LABELS, type NtmAssessmentView } from '../../../../core/contract/index';
import { periodLabel } from '../../../../core/ntm/period';
import { REGION_NAMES, type RegionCode } from '../../../../core/ntm/regions';
import { AssessmentActions } from './AssessmentActions';
import { CommuneProfileCard } from './CommuneProfileCard';
import { CriteriaSummary } from './CriteriaSummary';
import { countDrafts } from './drafts';
import { HistoryAcrossReformCard } from './HistoryAcrossReformCard';
import { HistoryCard } from './HistoryCard';
import { IndicatorEntry } from './IndicatorEntry';
import { PeriodPicker } from './PeriodPicker';
import { RecognitionsCard } from './RecognitionsCard';
import { useNtmAssessment } from './queries';
import { StatusMark } from './StatusMark';
import { missingText } from './statusStyle';

export type CommunePageProps = {
  unitCode: string;
  period: string;
  onPeriod: (period: string) => void;
  onBack: () => void;
  onOpenCriterion: (no: number) => void;
};

/** One commune in one quarter: profile, lifecycle, risk, criteria, data entry, recognitions, history. */
export function CommunePage({ unitCode, period, onPeriod, onBack, onOpenCriterion }: CommunePageProps) {
  const query = useNtmAssessment(unitCode, period);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Anchor component="button" type="button" size="sm" onClick={onBack} data-testid="commune-back" ta="left">
            ← Ma trận xã × tiêu chí
          </Anchor>
          <Title order={2} data-testid="commune-title">
            {query.data?.commune.fullName ?? `Xã ${unitCode}`}
          </Title>
        </Stack>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      {query.isPending && <Loader aria-label="Đang tải" />}
      {query.isError && (
        <Alert color="red" title="Không tải được bản đánh giá">
          {query.error.message}
        </Alert>
      )}
      {query.data && <CommuneBody key={`${unitCode}/${period}`} view={query.data} onPeriod={onPeriod} onOpenCriterion={onOpenCriterion} />}
    </Stack>
  );
}

function CommuneBody({ view, onPeriod, onOpenCriterion }: { view: NtmAssessmentView; onPeriod: (p: string) => void; onOpenCriterion: (no: number) => void }) {
  const { commune, catalog } = view;
  const status = view.assessment?.status ?? null;
  const readOnly = status === 'submitted' || status === 'locked';
  const drafts = countDrafts(commune.unitCode, view.period);
  return (
    <>
      <Group gap="xs">
        <Text size="sm">Mã {commune.unitCode}</Text>
        <Badge tt="none" variant="light" color={commune.level ? 'green' : 'gray'} data-testid="commune-level">
          {commune.level ? NTM_LEVEL_LABELS[commune.level] : 'Chưa được công nhận'}
        </Badge>
        <Text size="sm" c="dimmed">
          {commune.region ? REGION_NAMES[commune.region as RegionCode] : 'Chưa chọn vùng'}
          {commune.group ? ` · Nhóm ${commune.group}` : ''}
          {commune.era === 'before-2025-07' ? ' · Đơn vị hành chính trước 01/7/2025' : ''}
        </Text>
      </Group>
      <Card withBorder padding="sm" radius="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text size="sm" fw={600} data-testid="commune-catalog">
              {catalog.name}
            </Text>
            <Text size="xs" c="dimmed">
              Theo {catalog.decision} · {catalog.criteriaCount} tiêu chí, {catalog.indicatorCount} chỉ tiêu ({catalog.manualIndicatorCount} đánh giá thủ công)
              {catalog.completeness === 'partial' ? ' · Bộ tiêu chí chưa đủ chi tiết: chỉ tiêu chưa có ngưỡng được đánh giá thủ công kèm minh chứng.' : ''}
            </Text>
          </Stack>
          <AssessmentActions view={view} />
        </Group>
      </Card>
      {readOnly && (
        <Alert color={status === 'locked' ? 'gray' : 'orange'} variant="light" py={8} data-testid="readonly-banner">
          <Text size="sm">
            <b>{periodLabel(view.period)} {status === 'locked' ? 'đã khóa' : 'đã gửi'} — chỉ xem.</b> Muốn sửa, bấm “Mở lại” và ghi rõ lý do (lý do được lưu vào nhật ký).
          </Text>
        </Alert>
      )}
      {view.assessment && view.risk.atRisk && (
        <Alert color="red" title="⚠ Nguy cơ bị thu hồi quyết định công nhận" data-testid="risk-banner">
          {view.risk.message}
          {commune.level === null && (
            <Text size="xs" mt={4}>
              Xã chưa có quyết định công nhận trong dữ liệu: cảnh báo để theo dõi, chưa có quyết định nào để thu hồi.
            </Text>
          )}
        </Alert>
      )}
      {drafts > 0 && !readOnly && (
        <Alert color="orange" data-testid="drafts-banner">
          Có {drafts} ô đã nhập nhưng chưa lưu lần trước (được giữ trên máy này). Kiểm tra rồi bấm Enter hoặc chuyển sang ô khác để lưu.
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CriteriaSummary view={view} onOpenCriterion={onOpenCriterion} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <HistoryCard unitCode={commune.unitCode} period={view.period} onOpenPeriod={onPeriod} />
            <RecognitionsCard commune={commune} />
            <CommuneProfileCard key={JSON.stringify([commune.region, commune.group, commune.flags])} commune={commune} catalogId={catalog.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <HistoryAcrossReformCard commune={commune} />
      <Title order={3} mt="sm">
        Nhập số liệu {periodLabel(view.period)}
      </Title>
      <Text size="xs" c="dimmed">
        Mỗi ô được lưu khi rời ô hoặc bấm Enter (Enter chuyển sang ô tiếp theo). Chỉ tiêu đánh giá thủ công cần kết luận Đạt / Chưa đạt kèm minh chứng (ghi chú hoặc tệp).
      </Text>
      {view.criteria.map((c) => {
        const missing = missingText(c);
        return (
          <Card key={c.no} id={`crit-${c.no}`} withBorder padding="sm" radius="md" data-testid={`crit-${c.no}`} style={{ scrollMarginTop: 70 }}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={700}>
                  {c.no}. {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[c.group, c.sector ? `Phụ trách: ${c.sector}` : null].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {missing && c.status !== 'met' && (
                  <Text size="xs" c="dimmed" maw={300} ta="right">
                    {missing}
                  </Text>
                )}
                <StatusMark status={c.status} />
              </Group>
            </Group>
            {view.indicators
              .filter((i) => i.criterionNo === c.no)
              .map((i) => (
                <IndicatorEntry key={i.code} indicator={i} unitCode={commune.unitCode} period={view.period} readOnly={readOnly} />
              ))}
          </Card>
        );
      })}
    </>
  );
}

