import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../../core/contract/index';
import { PRODUCT_STATUSES, REGISTRATION_KINDS } from '../../../../core/ocop';
import { DossierPanel } from './DossierPanel';
import { STATUS_COLORS } from './format';
import { InfoPanel } from './InfoPanel';
import { useProduct } from './queries';
import { ScoreSheet } from './ScoreSheet';

export type ProductDetailProps = {
  id: string;
  tab: 'score' | 'dossier' | 'info';
  onTab: (tab: 'score' | 'dossier' | 'info') => void;
  onBack: () => void;
  info: AppInfo;
};

export function ProductDetail({ id, tab, onTab, onBack }: ProductDetailProps) {
  const product = useProduct(id);
  if (product.isError) {
    return (
      <Stack>
        <Anchor onClick={onBack}>← Danh sách sản phẩm</Anchor>
        <Alert color="red">{product.error.message}</Alert>
      </Stack>
    );
  }
  if (!product.data) return <Loader />;
  const p = product.data;
  return (
    <Stack>
      <Anchor onClick={onBack} size="sm" data-testid="back-to-products">
        ← Danh sách sản phẩm
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="product-title">
              {p.name}
            </Title>
            <Badge size="lg" color={STATUS_COLORS[p.status]} variant="light">
              {PRODUCT_STATUSES[p.status]}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            Mã số <Text span ff="monospace" data-testid="product-code">{p.productCode}</Text>
            {p.newProductCode && (
              <>
                {' · Mã mới (sau sắp xếp): '}
                <Text span ff="monospace" data-testid="product-new-code">{p.newProductCode}</Text>
              </>
            )}
            {' · '}{p.producerName} · {p.unitName} · {REGISTRATION_KINDS[p.registrationKind]}
          </Text>
          <Text c="dimmed" size="sm">
            {p.classification} · bộ tiêu chí số {p.sheetNo}
          </Text>
        </div>
      </Group>
      <Tabs value={tab} onChange={(v) => v && onTab(v as 'score' | 'dossier' | 'info')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="score" data-testid="tab-score">
            Chấm điểm
          </Tabs.Tab>
          <Tabs.Tab value="dossier" data-testid="tab-dossier">
            Hồ sơ ({p.dossier.satisfied}/{p.dossier.required})
          </Tabs.Tab>
          <Tabs.Tab value="info" data-testid="tab-info">
            Trạng thái, giấy chứng nhận, biểu mẫu
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="score" pt="md">
          <ScoreSheet product={p} />
        </Tabs.Panel>
        <Tabs.Panel value="dossier" pt="md">
          <DossierPanel product={p} />
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="md">
          <InfoPanel key={p.updatedAt} product={p} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
