import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitEra, UnitLevel } from '../../../../core/contract/domain';
import { useUnits } from '../../api/queries';
import { foldFilter } from './foldFilter';

export type UnitSelectProps = {
  label: string;
  level: UnitLevel;
  era: UnitEra;
  parentCode?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
  disabled?: boolean;
  testId: string;
};

/** A searchable list of official units of one level and era, filtered without diacritics. */
export function UnitSelect({ label, level, era, parentCode, value, onChange, error, disabled, testId }: UnitSelectProps) {
  const { t } = useTranslation();
  const needsParent = level !== 'province';
  const units = useUnits({ level, era, parentCode }, !needsParent || Boolean(parentCode));
  const data = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.fullName} (${u.code})` }));
  return (
    <Select
      label={label}
      placeholder={t('setup.searchPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={foldFilter}
      limit={200}
      nothingFoundMessage={t('setup.nothingFound')}
      error={error}
      disabled={disabled || (needsParent && !parentCode)}
      data-testid={testId}
      withAsterisk
    />
  );
}
