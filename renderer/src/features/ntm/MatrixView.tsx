import { Alert, Checkbox, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { applyMatrixFilter, bandOptions, EMPTY_FILTER, indexRows, type AssessmentFilter, type MatrixFilter, type MatrixSort } from './matrixFilter';
import { MatrixGrid } from './MatrixGrid';
import { useNtmMatrix } from './queries';
import { StatusLegend } from './StatusMark';

export type MatrixViewProps = {
  period: string;
  onOpenCommune: (unitCode: string) => void;
  onOpenCriterion: (no: number) => void;
};

const ASSESSMENT_OPTIONS: { value: AssessmentFilter; label: string }[] = [
  { value: 'all', label: 'Mọi trạng thái' },
  { value: 'none', label: 'Chưa đánh giá' },
  { value: 'draft', label: 'Đang nhập' },
  { value: 'submitted', label: 'Đã gửi' },
  { value: 'locked', label: 'Đã khóa' },
];

const SORT_OPTIONS: { value: MatrixSort; label: string }[] = [
  { value: 'name', label: 'Theo tên xã (A–Z)' },
  { value: 'met-desc', label: 'Đạt nhiều tiêu chí trước' },
  { value: 'met-asc', label: 'Đạt ít tiêu chí trước' },
];

/** The grid fills the window below its top edge (at least 320 px), so the page itself does not scroll. */
function useFillHeight(box: RefObject<HTMLDivElement | null>, ready: boolean): number {
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = box.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(320, Math.floor(window.innerHeight - top - 20)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [box, ready]);
  return height;
}

/** The matrix with its filters: search without diacritics, band, at risk, assessment status, sort. */
export function MatrixView({ period, onOpenCommune, onOpenCriterion }: MatrixViewProps) {
  const matrix = useNtmMatrix(period);
  const [filter, setFilter] = useState<MatrixFilter>(EMPTY_FILTER);
  const deferred = useDeferredValue(filter);
  const indexed = useMemo(() => indexRows(matrix.data?.rows ?? []), [matrix.data]);
  const rows = useMemo(() => applyMatrixFilter(indexed, deferred), [indexed, deferred]);
  const bands = useMemo(() => bandOptions(matrix.data?.rows ?? []), [matrix.data]);
  const gridBox = useRef<HTMLDivElement>(null);
  const height = useFillHeight(gridBox, matrix.data !== undefined);
  const set = <K extends keyof MatrixFilter>(k: K, v: MatrixFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));

  if (matrix.isPending) return <Loader aria-label="Đang tải ma trận" />;
  if (matrix.isError) {
    return (
      <Alert color="red" title="Không tải được ma trận">
        {matrix.error.message}
      </Alert>
    );
  }
  const data = matrix.data;
  const assessed = data.rows.filter((r) => r.assessmentStatus !== null).length;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm xã"
          placeholder="Tên hoặc mã xã, gõ không dấu được"
          value={filter.query}
          onChange={(e) => set('query', e.currentTarget.value)}
          w={240}
          data-testid="matrix-search"
        />
        <Select
          label="Nhóm số tiêu chí đạt"
          placeholder="Mọi nhóm"
          data={bands}
          value={filter.band}
          onChange={(v) => set('band', v)}
          clearable
          w={190}
          data-testid="matrix-band"
        />
        <Select
          label="Trạng thái kỳ"
          data={ASSESSMENT_OPTIONS}
          value={filter.assessment}
          onChange={(v) => set('assessment', (v ?? 'all') as AssessmentFilter)}
          allowDeselect={false}
          w={160}
          data-testid="matrix-status"
        />
        <Select
          label="Sắp xếp"
          data={SORT_OPTIONS}
          value={filter.sort}
          onChange={(v) => set('sort', (v ?? 'name') as MatrixSort)}
          allowDeselect={false}
          w={200}
          data-testid="matrix-sort"
        />
        <Checkbox
          label="Chỉ xã có nguy cơ bị thu hồi"
          checked={filter.atRiskOnly}
          onChange={(e) => set('atRiskOnly', e.currentTarget.checked)}
          mb={8}
          data-testid="matrix-atrisk"
        />
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="matrix-count">
          Hiển thị {rows.length.toLocaleString('vi-VN')}/{data.rows.length.toLocaleString('vi-VN')} xã · {assessed.toLocaleString('vi-VN')} xã đã đánh giá · {data.catalog.name} ({data.catalog.decision})
        </Text>
        <Group gap="md">
          <StatusLegend />
          <Text size="xs" c="dimmed">
            · Chưa đánh giá · ⚠ Nguy cơ thu hồi · Mũi tên: di chuyển ô, Enter: mở xã, bấm số tiêu chí: xem tiêu chí ở mọi xã
          </Text>
        </Group>
      </Group>
      <div ref={gridBox}>
        {rows.length === 0 ? (
          <Alert color="gray">Không có xã nào khớp bộ lọc.</Alert>
        ) : (
          <MatrixGrid criteria={data.criteria} rows={rows} onOpenCommune={onOpenCommune} onOpenCriterion={onOpenCriterion} height={height} />
        )}
      </div>
    </Stack>
  );
}
