import { AppShell, Badge, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../core/contract/index';
import { ROUTES, type Route } from './router';

export type AppShellLayoutProps = { info: AppInfo; route: Route; onNavigate: (r: Route) => void; children: ReactNode };

const ICONS: Record<Route, string> = { overview: '◧', ntm: '▦', ocop: '★', plans: '◎', reports: '▤', exchange: '⇅', units: '⌂', settings: '⚙' };

export function AppShellLayout({ info, route, onNavigate, children }: AppShellLayoutProps) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3} c="green.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs">
            <Text size="sm" data-testid="header-office">
              {info.office?.officeName}
            </Text>
            {info.staff && <Badge variant="light">{info.staff.name}</Badge>}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2} component="nav" aria-label="Điều hướng chính">
          {ROUTES.map((r) => (
            <NavLink
              key={r}
              href={`#/${r}`}
              label={t(`nav.${r}`)}
              leftSection={<span aria-hidden>{ICONS[r]}</span>}
              active={route === r}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(r);
              }}
              data-testid={`nav-${r}`}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
