import { Alert, Badge, Button, Center, Group, Loader, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo, ReportSummary } from '../../../../core/contract/index';
import { parseReportPeriod, reportPeriodId, reportPeriodLabel, reportPeriodOfDate, type ReportPeriodKind } from '../../../../core/reports/period';
import { useDownloadReport, useSaveReport } from './mutations';
import { useReportOffices, useReportPreview, useSavedReport } from './queries';
import { ReportDeadlineCard } from './ReportDeadlineCard';
import { ReportEditor, type ReportDraft } from './ReportEditor';
import { ReportFigures } from './ReportFigures';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import { SavedReports } from './SavedReports';

export type ReportsPageProps = { info: AppInfo };

const KINDS: { value: ReportPeriodKind; label: string }[] = [
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
];

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Periodic reports: choose the period and the office, check every figure (each opens to what it counts), write the
 * office's sections (autosaved), save a version that freezes the figures, download the DOCX and the XLSX annexes,
 * reopen a saved report exactly as it was saved; the next deadline and any overdue report on top.
 */
export function ReportsPage({ info }: ReportsPageProps) {
  const [kind, setKind] = useState<ReportPeriodKind>('quarter');
  const [period, setPeriod] = useState(() => reportPeriodOfDate('quarter', todayIso()).id);
  const [officeCode, setOfficeCode] = useState<string | undefined>(undefined);
  const [viewing, setViewing] = useState<string | null>(null);
  const offices = useReportOffices();
  const preview = useReportPreview(period, officeCode);
  const saved = useSavedReport(viewing);
  const save = useSaveReport();
  const download = useDownloadReport();
  const [draft, setDraft] = useState<ReportDraft | null>(null);

  const p = parseReportPeriod(period);
  const years = Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() + 1 - i));
  const indexes = kind === 'quarter' ? [1, 2, 3, 4] : kind === 'half' ? [1, 2] : [];
  const choose = (k: ReportPeriodKind, year: number, index: number) => {
    setKind(k);
    setPeriod(reportPeriodId(k, year, Math.min(index, k === 'quarter' ? 4 : k === 'half' ? 2 : 1)));
    setViewing(null);
    setDraft(null);
  };
  const open = (r: ReportSummary) => {
    setViewing(r.id);
    setKind(r.periodKind);
    setPeriod(r.period);
  };

  const model = viewing ? saved.data?.model : preview.data?.model;
  const initial: ReportDraft | null = viewing
    ? saved.data
      ? { narrative: saved.data.narrative, header: saved.data.header }
      : null
    : preview.data
      ? preview.data.draft
        ? { narrative: preview.data.draft.narrative, header: preview.data.draft.header }
        : { narrative: { results: '', limitations: '', tasks: '' }, header: preview.data.defaults }
      : null;
  const current = draft ?? initial;
  const target = viewing ? { id: viewing } : { period, officeCode };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Báo cáo định kỳ</Title>
          <Text c="dimmed" size="sm">
            {info.office?.officeName} — văn bản theo Nghị định 30/2020/NĐ-CP kèm các biểu phụ lục.
          </Text>
        </div>
        <ReportDeadlineCard />
      </Group>
      <Group align="end">
        <SegmentedControl data={KINDS} value={kind} onChange={(v) => choose(v as ReportPeriodKind, p.year, p.index)} data-testid="report-kind" />
        <Select label="Năm" data={years} value={String(p.year)} allowDeselect={false} w={100} onChange={(v) => v && choose(kind, Number(v), p.index)} />
        {indexes.length > 0 && (
          <Select
            label={kind === 'quarter' ? 'Quý' : 'Kỳ'}
            data={indexes.map((i) => ({ value: String(i), label: reportPeriodLabel(parseReportPeriod(reportPeriodId(kind, p.year, i))).replace(/ năm \d+$/, '') }))}
            value={String(p.index)}
            allowDeselect={false}
            w={180}
            onChange={(v) => v && choose(kind, p.year, Number(v))}
            data-testid="report-index"
          />
        )}
        {offices.data && offices.data.length > 1 && (
          <Select
            label="Văn phòng"
            data={offices.data.map((o) => ({ value: o.code, label: o.own ? `${o.name} (văn phòng này)` : o.name }))}
            value={officeCode ?? offices.data[0]!.code}
            allowDeselect={false}
            onChange={(v) => {
              setOfficeCode(v ?? undefined);
              setViewing(null);
              setDraft(null);
            }}
          />
        )}
      </Group>
      {viewing && saved.data && (
        <Alert color="blue" title={`${saved.data.periodLabel} — phiên bản ${saved.data.revision}, lưu lúc ${new Date(saved.data.finalizedAt ?? saved.data.updatedAt).toLocaleString('vi-VN')}`}>
          <Group justify="space-between">
            <Text size="sm">Số liệu đúng như lúc lưu (bản chụp dữ liệu), không đọc lại cơ sở dữ liệu.</Text>
            <Button size="compact-sm" variant="light" onClick={() => setViewing(null)}>
              Về số liệu hiện tại
            </Button>
          </Group>
        </Alert>
      )}
      {(preview.isPending || (viewing && saved.isPending)) && (
        <Center p="xl">
          <Loader aria-label="Đang tổng hợp số liệu" />
        </Center>
      )}
      {preview.isError && !viewing && <Alert color="red">{preview.error.message}</Alert>}
      {model && current && (
        <Tabs defaultValue="figures" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="figures">Số liệu</Tabs.Tab>
            <Tabs.Tab value="document">Nội dung văn bản</Tabs.Tab>
            <Tabs.Tab value="saved">Đã lưu</Tabs.Tab>
            <Tabs.Tab value="settings">Cài đặt</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="figures" pt="md">
            <ReportFigures model={model} />
          </Tabs.Panel>
          <Tabs.Panel value="document" pt="md">
            <ReportEditor key={`${viewing ?? 'live'}-${period}-${officeCode ?? ''}`} period={period} officeCode={officeCode} initial={current} readOnly={viewing !== null} onChange={setDraft} />
          </Tabs.Panel>
          <Tabs.Panel value="saved" pt="md">
            <SavedReports onView={open} />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <ReportSettingsPanel />
          </Tabs.Panel>
        </Tabs>
      )}
      {model && current && (
        <Group>
          {!viewing && (
            <Button
              data-testid="report-save"
              loading={save.isPending}
              onClick={() => save.mutate({ period, officeCode, ...current }, { onSuccess: () => setDraft(null) })}
            >
              Lưu phiên bản
            </Button>
          )}
          <Button variant="default" data-testid="report-docx" loading={download.isPending && download.variables?.kind === 'docx'} onClick={() => download.mutate({ kind: 'docx', target })}>
            Tải báo cáo (DOCX)
          </Button>
          <Button variant="default" data-testid="report-xlsx" loading={download.isPending && download.variables?.kind === 'xlsx'} onClick={() => download.mutate({ kind: 'xlsx', target })}>
            Tải biểu phụ lục (XLSX)
          </Button>
          {preview.data && !viewing && preview.data.finals.length > 0 && <Badge variant="light">Đã có {preview.data.finals.length} phiên bản đã lưu cho kỳ này</Badge>}
        </Group>
      )}
    </Stack>
  );
}
