import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../core/contract/index';
import { NtmOverviewPanel } from '../ntm/NtmOverviewPanel';
import { PlansDueCard } from '../plans/PlansDueCard';
import { ReportDeadlineCard } from '../reports/ReportDeadlineCard';
import { OcopDueCard } from './OcopDueCard';

export type OverviewPageProps = { info: AppInfo };

export function OverviewPage({ info }: OverviewPageProps) {
  const { t } = useTranslation();
  const office = info.office;
  const cards = [
    { label: t('overview.office'), value: office?.officeName ?? '—', testId: 'overview-office' },
    {
      label: t('overview.unit'),
      // A province office's unit is the province itself: named once.
      value: office ? (office.unitName === office.provinceName ? office.unitName : `${office.unitName}, ${office.provinceName}`) : '—',
      testId: 'overview-unit',
    },
    { label: t('overview.staff'), value: info.staff?.name ?? '—', testId: 'overview-staff' },
  ];
  return (
    <Stack>
      <Title order={2}>{t('overview.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {cards.map((c) => (
          <Card key={c.label} withBorder padding="lg" radius="md">
            <Text size="sm" c="dimmed">
              {c.label}
            </Text>
            <Text fw={600} size="lg" mt={4} data-testid={c.testId}>
              {c.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ReportDeadlineCard onOpen={() => (window.location.hash = '#/reports')} />
        <OcopDueCard />
      </SimpleGrid>
      <PlansDueCard />
      <NtmOverviewPanel />
      <Text size="xs" c="dimmed">
        {t('overview.dataDir')}: {info.dataDir}
      </Text>
    </Stack>
  );
}
