import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../core/contract/index';
import { useAudit, useUpdateOffice } from '../../api/queries';
import { LANGUAGES, setLanguage } from '../../i18n/index';
import { CatalogsPanel } from '../catalogs/CatalogsPanel';
import { AuditPanel } from '../safety/AuditPanel';
import { BackupPanel } from '../safety/BackupPanel';
import { StaffPanel } from '../safety/StaffPanel';
import { OfficeForm } from '../setup/OfficeForm';
import { errorsOf, formToSetupInput } from '../setup/toInput';

export type SettingsPageProps = { info: AppInfo };

const FIELD_LABELS: Record<string, string> = {
  kind: 'Loại văn phòng',
  provinceCode: 'Mã tỉnh',
  unitCode: 'Mã đơn vị',
  officeName: 'Tên văn phòng',
  parentBodyName: 'Cơ quan chủ quản',
};

function describeChange(before: unknown, after: unknown, label: (field: string, value: unknown) => string): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changed = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return changed
    .map((k) => `${FIELD_LABELS[k] ?? k}: ${before ? `${label(k, b[k])} → ` : ''}${label(k, a[k])}`)
    .join('; ');
}

export function SettingsPage({ info }: SettingsPageProps) {
  const { t, i18n } = useTranslation();
  const update = useUpdateOffice();
  const audit = useAudit({ entity: 'office', limit: 50 });
  const office = info.office!;
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="md">
          {t('settings.officeSection')}
        </Title>
        <OfficeForm
          key={office.updatedAt}
          initial={{
            kind: office.kind,
            provinceCode: office.provinceCode,
            unitCode: office.unitCode,
            officeName: office.officeName,
            parentBodyName: office.parentBodyName,
            staffName: '',
          }}
          withStaff={false}
          submitLabel={t('settings.save')}
          submitting={update.isPending}
          errors={errorsOf(update.error)}
          onSubmit={(v) => {
            const { staffName: _unused, ...input } = formToSetupInput(v);
            update.mutate(input);
          }}
        />
      </Card>
      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.language')}</Text>
          <SegmentedControl data={[...LANGUAGES]} value={i18n.language} onChange={setLanguage} />
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          {t('settings.about')}: {info.appVersion} · {info.databasePath}
        </Text>
      </Card>
      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="md">
          {t('settings.auditSection')}
        </Title>
        {(audit.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('settings.auditEmpty')}</Text>
        ) : (
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.at')}</Table.Th>
                <Table.Th>{t('settings.who')}</Table.Th>
                <Table.Th>{t('settings.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(audit.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{new Date(a.at).toLocaleString('vi-VN')}</Table.Td>
                  <Table.Td>{a.staffName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {a.action === 'setup' ? 'Thiết lập ban đầu' : 'Sửa thông tin'}: {describeChange(a.before, a.after, (field, value) => (field === 'kind' && typeof value === 'string' ? t(`officeKind.${value}`) : String(value ?? '')))}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <CatalogsPanel provinceName={office.provinceName} />
      <StaffPanel />
      <BackupPanel electron={typeof window !== 'undefined' && window.api !== undefined} />
      <AuditPanel />
    </Stack>
  );
}
