import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../../core/contract/index';
import { CommunePage } from './CommunePage';
import { CriterionPage } from './CriterionPage';
import { MatrixView } from './MatrixView';
import { NtmOverviewPanel } from './NtmOverviewPanel';
import { defaultPeriodFor } from './format';
import { useNtmView, type NtmView } from './ntmRoute';
import { PeriodPicker } from './PeriodPicker';
import { useCopyPrevious } from './mutations';

export type NtmPageProps = { info: AppInfo };

/** The NTM screen: matrix and overview per quarter, a commune's quarter, a criterion across communes. */
export function NtmPage({ info }: NtmPageProps) {
  const [view, go] = useNtmView(defaultPeriodFor(info.office?.kind));
  const copy = useCopyPrevious();
  const withPeriod = (period: string): NtmView => ({ ...view, period });
  switch (view.kind) {
    case 'commune':
      return (
        <CommunePage
          unitCode={view.unitCode}
          period={view.period}
          onPeriod={(p) => go(withPeriod(p))}
          onBack={() => go({ kind: 'matrix', period: view.period })}
          onOpenCriterion={(no) => go({ kind: 'criterion', no, period: view.period })}
        />
      );
    case 'criterion':
      return (
        <CriterionPage
          no={view.no}
          period={view.period}
          onPeriod={(p) => go(withPeriod(p))}
          onBack={() => go({ kind: 'matrix', period: view.period })}
          onOpenCommune={(unitCode) => go({ kind: 'commune', unitCode, period: view.period })}
        />
      );
    case 'matrix':
    case 'overview':
      return (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Title order={2}>Xã và tiêu chí NTM</Title>
              <Text size="sm" c="dimmed">
                {info.office ? `${info.office.officeName} · ${info.office.unitName === info.office.provinceName ? info.office.unitName : `${info.office.unitName}, ${info.office.provinceName}`}` : ''}
              </Text>
            </Stack>
            <Group gap="xs" align="flex-end">
              <Button
                variant="default"
                onClick={() => copy.mutate({ period: view.period })}
                loading={copy.isPending}
                title="Chép số liệu quý trước sang quý này cho mọi xã chưa có bản đánh giá quý này (không ghi đè)."
                data-testid="ntm-copy-previous"
              >
                Bắt đầu quý từ quý trước
              </Button>
              <PeriodPicker value={view.period} onChange={(p) => go(withPeriod(p))} />
            </Group>
          </Group>
          <Tabs value={view.kind} onChange={(v) => v && go({ kind: v as 'matrix' | 'overview', period: view.period })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="matrix" data-testid="ntm-tab-matrix">
                Ma trận xã × tiêu chí
              </Tabs.Tab>
              <Tabs.Tab value="overview" data-testid="ntm-tab-overview">
                Tổng quan
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="matrix" pt="sm">
              <MatrixView
                period={view.period}
                onOpenCommune={(unitCode) => go({ kind: 'commune', unitCode, period: view.period })}
                onOpenCriterion={(no) => go({ kind: 'criterion', no, period: view.period })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="overview" pt="sm">
              <NtmOverviewPanel period={view.period} onOpenCommune={(unitCode, period) => go({ kind: 'commune', unitCode, period })} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      );
    default: {
      const never: never = view;
      return never;
    }
  }
}
