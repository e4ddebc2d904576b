import { Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeKind } from '../../../../core/contract/domain';
import { UnitSelect } from '../../components/UnitSelect/UnitSelect';

export type OfficeFormValues = {
  kind: OfficeKind;
  provinceCode: string | null;
  unitCode: string | null;
  officeName: string;
  parentBodyName: string;
  staffName: string;
};

export type OfficeFormProps = {
  initial: OfficeFormValues;
  withStaff: boolean;
  submitLabel: string;
  submitting: boolean;
  errors: Record<string, string>;
  onSubmit: (values: OfficeFormValues) => void;
};

/** The office profile form, shared by the first-run setup and the Settings page. */
export function OfficeForm({ initial, withStaff, submitLabel, submitting, errors, onSubmit }: OfficeFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<OfficeFormValues>(initial);
  const set = <K extends keyof OfficeFormValues>(k: K, v: OfficeFormValues[K]) => setValues((old) => ({ ...old, [k]: v }));
  const era = values.kind === 'district' ? 'before-2025-07' : 'current';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('setup.kind')}
          description={t('setup.kindHelp')}
          value={values.kind}
          onChange={(v) => setValues((old) => ({ ...old, kind: v as OfficeKind, provinceCode: null, unitCode: null }))}
          withAsterisk
        >
          <Stack gap={6} mt="xs">
            {(['commune', 'province', 'district'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`officeKind.${k}`)} data-testid={`kind-${k}`} />
            ))}
          </Stack>
        </Radio.Group>
        <UnitSelect
          testId="province-select"
          label={t('setup.province')}
          level="province"
          era={era}
          value={values.provinceCode}
          onChange={(code) => setValues((old) => ({ ...old, provinceCode: code, unitCode: values.kind === 'province' ? code : null }))}
          error={errors.provinceCode}
        />
        {values.kind !== 'province' && (
          <UnitSelect
            testId="unit-select"
            label={values.kind === 'district' ? t('setup.unitDistrict') : t('setup.unitCommune')}
            level={values.kind === 'district' ? 'district' : 'commune'}
            era={era}
            parentCode={values.provinceCode ?? undefined}
            value={values.unitCode}
            onChange={(code) => set('unitCode', code)}
            error={errors.unitCode}
          />
        )}
        <TextInput
          label={t('setup.officeName')}
          placeholder={t('setup.officeNamePlaceholder')}
          value={values.officeName}
          onChange={(e) => set('officeName', e.currentTarget.value)}
          error={errors.officeName}
          withAsterisk
          data-testid="office-name"
        />
        <TextInput
          label={t('setup.parentBody')}
          placeholder={t('setup.parentBodyPlaceholder')}
          value={values.parentBodyName}
          onChange={(e) => set('parentBodyName', e.currentTarget.value)}
          error={errors.parentBodyName}
          withAsterisk
          data-testid="parent-body"
        />
        {withStaff && (
          <TextInput
            label={t('setup.staff')}
            placeholder={t('setup.staffPlaceholder')}
            value={values.staffName}
            onChange={(e) => set('staffName', e.currentTarget.value)}
            error={errors.staffName}
            withAsterisk
            data-testid="staff-name"
          />
        )}
        {errors._form && (
          <Text c="red" size="sm" role="alert" data-testid="form-error">
            {errors._form}
          </Text>
        )}
        <Button type="submit" loading={submitting} data-testid="office-submit">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
