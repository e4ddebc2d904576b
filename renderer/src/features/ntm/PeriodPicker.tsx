import { ActionIcon, Group, Select } from '@mantine/core';
import { useMemo } from 'react';
import { parsePeriod, periodLabel, previousPeriod } from '../../../../core/ntm/period';
import { currentPeriod, nextPeriod } from './format';

export type PeriodPickerProps = { value: string; onChange: (period: string) => void; label?: string };

/** Quarters from 2016 (QĐ 1980/2016) to the end of next year, newest first. */
function periodOptions(value: string): { value: string; label: string }[] {
  const lastYear = Math.max(parsePeriod(currentPeriod()).year + 1, parsePeriod(value).year);
  const out: { value: string; label: string }[] = [];
  for (let y = lastYear; y >= 2016; y--) for (let q = 4; q >= 1; q--) out.push({ value: `${y}-Q${q}`, label: periodLabel(`${y}-Q${q}`) });
  return out;
}

/** A quarter: previous / next buttons and a searchable list ("Quý II/2025"). */
export function PeriodPicker({ value, onChange, label }: PeriodPickerProps) {
  const data = useMemo(() => periodOptions(value), [value]);
  return (
    <Group gap={4} wrap="nowrap" align="flex-end">
      <ActionIcon variant="default" size="lg" aria-label="Quý trước" onClick={() => onChange(previousPeriod(value))} data-testid="period-prev">
        ‹
      </ActionIcon>
      <Select
        aria-label={label ?? 'Kỳ đánh giá'}
        data={data}
        value={value}
        onChange={(v) => v && onChange(v)}
        searchable
        allowDeselect={false}
        w={140}
        data-testid="period-select"
      />
      <ActionIcon variant="default" size="lg" aria-label="Quý sau" onClick={() => onChange(nextPeriod(value))} data-testid="period-next">
        ›
      </ActionIcon>
    </Group>
  );
}
