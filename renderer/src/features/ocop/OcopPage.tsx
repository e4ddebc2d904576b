import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../../core/contract/index';
import { DueSoonView } from './DueSoonView';
import { ProducersView } from './ProducersView';
import { ProductDetail } from './ProductDetail';
import { ProductsView } from './ProductsView';
import { useOcopRoute } from './useOcopRoute';

export type OcopPageProps = { info: AppInfo };

/** OCOP: producers, products through their procedure, score sheets, certificates and dossiers (QĐ 26/2026/QĐ-TTg). */
export function OcopPage({ info }: OcopPageProps) {
  const [route, go] = useOcopRoute();
  if (route.view === 'product') {
    return <ProductDetail id={route.id} tab={route.tab} onTab={(tab) => go({ view: 'product', id: route.id, tab })} onBack={() => go({ view: 'products' })} info={info} />;
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Sản phẩm OCOP</Title>
          <Text c="dimmed" size="sm">
            Đánh giá, phân hạng theo Quyết định số 26/2026/QĐ-TTg · {info.office?.unitName}
          </Text>
        </div>
        <SegmentedControl
          value={route.view}
          onChange={(v) => go({ view: v as 'products' | 'producers' | 'due' })}
          data={[
            { value: 'products', label: 'Sản phẩm' },
            { value: 'producers', label: 'Chủ thể' },
            { value: 'due', label: 'Sắp đến hạn' },
          ]}
          data-testid="ocop-views"
        />
      </Group>
      {route.view === 'products' && <ProductsView info={info} onOpen={(id) => go({ view: 'product', id, tab: 'score' })} />}
      {route.view === 'producers' && <ProducersView info={info} />}
      {route.view === 'due' && <DueSoonView onOpen={(id) => go({ view: 'product', id, tab: 'info' })} />}
    </Stack>
  );
}
