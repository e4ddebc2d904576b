import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './api/queries';
import { ExchangePage } from './features/exchange/ExchangePage';
import { NtmPage } from './features/ntm/NtmPage';
import { OcopPage } from './features/ocop/OcopPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { PlansPage } from './features/plans/PlansPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SetupPage } from './features/setup/SetupPage';
import { UnitsPage } from './features/units/UnitsPage';
import { StaffGate } from './features/safety/StaffGate';
import { AppShellLayout } from './shell/AppShellLayout';
import { useRoute } from './shell/router';

export function App() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const [route, navigate] = useRoute();

  if (info.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (info.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={560}>
          <Alert color="red" title={t('common.error')} role="alert">
            {info.error.message}
          </Alert>
          <Button onClick={() => void info.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!info.data.setupDone) return <SetupPage />;

  const page = (() => {
    switch (route) {
      case 'overview':
        return <OverviewPage info={info.data} />;
      case 'settings':
        return <SettingsPage info={info.data} />;
      case 'ntm':
        return <NtmPage info={info.data} />;
      case 'exchange':
        return <ExchangePage info={info.data} />;
      case 'ocop':
        return <OcopPage info={info.data} />;
      case 'plans':
        return <PlansPage info={info.data} />;
      case 'reports':
        return <ReportsPage info={info.data} />;
      case 'units':
        return <UnitsPage />;
      default: {
        const never: never = route;
        return never;
      }
    }
  })();
  return (
    <StaffGate>
      <AppShellLayout info={info.data} route={route} onNavigate={navigate}>
        {page}
      </AppShellLayout>
    </StaffGate>
  );
}
