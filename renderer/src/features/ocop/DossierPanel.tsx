import { notifications } from '@mantine/notifications';
import { ActionIcon, Alert, Badge, Button, Card, FileButton, Group, Progress, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { OcopDossierItem, OcopDossierItemState, OcopProductDetail } from '../../../../core/contract/index';
import { ApiError } from '../../api/client';
import { downloadBase64, fileToBase64 } from './format';
import { useAddDossierFile, useGenerate, useRemoveDossierFile, useSetDossierState } from './mutations';
import { useDossier } from './queries';

const STATE_LABELS: Record<OcopDossierItemState, string> = { missing: 'Còn thiếu', attached: 'Đã đính kèm', received: 'Đã nhận bản giấy', checked: 'Đã kiểm tra' };
const STATE_COLORS: Record<OcopDossierItemState, string> = { missing: 'red', attached: 'blue', received: 'teal', checked: 'green' };
const STAGE_TITLES = { owner: 'Hồ sơ của chủ thể (Điều 6, khoản 1)', commune_to_province: 'Hồ sơ UBND xã gửi tỉnh (Điều 6, khoản 2)', evidence: 'Tài liệu minh chứng kèm Mẫu 02 (không bắt buộc)' } as const;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.odt,.ods,.txt';

export type DossierPanelProps = { product: OcopProductDetail };

/** The checklist for the product's registration kind: files, paper received, checked; the forms; the assembly. */
export function DossierPanel({ product }: DossierPanelProps) {
  const dossier = useDossier(product.id);
  const assemble = useGenerate('ocop.dossier.assemble');
  const [lastAssembly, setLastAssembly] = useState<{ pages: number; warnings: string[] } | null>(null);
  if (!dossier.data) return null;
  const view = dossier.data;
  const missingFromError = assemble.error instanceof ApiError && assemble.error.code === 'OCOP_DOSSIER_INCOMPLETE';
  return (
    <Stack>
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-start">
          <div style={{ flex: 1 }}>
            <Title order={4}>
              Hồ sơ {product.registrationKind === 'first' ? 'đăng ký lần đầu' : product.registrationKind === 'upgrade' ? 'nâng hạng' : 'đánh giá lại'}
            </Title>
            <Group gap="xs" mt={6}>
              <Progress value={view.percent} w={260} size="lg" color={view.percent === 100 ? 'green' : 'yellow'} data-testid="dossier-meter" />
              <Text size="sm" data-testid="dossier-count">
                {view.satisfied}/{view.required} thành phần bắt buộc ({view.percent}%)
              </Text>
            </Group>
          </div>
          <Button
            size="md"
            loading={assemble.isPending}
            onClick={() =>
              assemble.mutate(
                { productId: product.id },
                {
                  onSuccess: (r) => {
                    notifications.clean();
                    downloadBase64(r.pdf.fileName, r.pdf.mime, r.pdf.base64);
                    downloadBase64(r.zip.fileName, r.zip.mime, r.zip.base64);
                    setLastAssembly({ pages: r.pdf.pageCount, warnings: r.warnings });
                  },
                },
              )
            }
            data-testid="dossier-assemble"
          >
            Ghép hồ sơ (PDF + ZIP)
          </Button>
        </Group>
        {view.missing.length > 0 && (
          <Alert color={missingFromError ? 'red' : 'yellow'} mt="sm" title="Chưa ghép được: còn thiếu" data-testid="dossier-missing">
            {view.missing.map((m) => (
              <Text key={m.id} size="sm">
                • {m.title}
              </Text>
            ))}
          </Alert>
        )}
        {lastAssembly && (
          <Alert color="green" mt="sm" data-testid="dossier-assembled">
            Đã tạo hồ sơ PDF {lastAssembly.pages} trang và tệp ZIP bản gốc (kèm danh sách SHA-256).
            {lastAssembly.warnings.map((w) => (
              <Text key={w} size="sm">
                Lưu ý: {w}
              </Text>
            ))}
          </Alert>
        )}
      </Card>
      {(['owner', 'commune_to_province', 'evidence'] as const).map((stage) => (
        <Card key={stage} withBorder radius="md" padding="md">
          <Text fw={700} mb="xs">
            {STAGE_TITLES[stage]}
          </Text>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {view.items
                .filter((i) => i.stage === stage)
                .map((item) => (
                  <ItemRow key={item.id} productId={product.id} item={item} />
                ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

function ItemRow({ productId, item }: { productId: string; item: OcopDossierItem }) {
  const add = useAddDossierFile();
  const remove = useRemoveDossierFile();
  const setState = useSetDossierState();
  const generate = useGenerate('ocop.forms.generate');
  const getFile = useGenerate('ocop.dossier.getFile');
  const shownState: OcopDossierItemState = item.generated && item.state === 'missing' ? 'attached' : item.state;
  return (
    <Table.Tr data-testid={`dossier-item-${item.id}`}>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {item.title}
          </Text>
          {item.required && (
            <Badge size="xs" color="red" variant="outline">
              bắt buộc
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {item.article}
          {item.note ? ` — ${item.note}` : ''}
        </Text>
        {item.files.map((f) => (
          <Group key={f.id} gap={4} mt={2}>
            <Text size="xs" c="blue" style={{ cursor: 'pointer' }} onClick={() => getFile.mutate({ id: f.id }, { onSuccess: (r) => downloadBase64(r.fileName, r.mime, r.base64) })}>
              📎 {f.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              ({Math.max(1, Math.round(f.size / 1024))} KB)
            </Text>
            <Tooltip label="Gỡ tệp khỏi hồ sơ">
              <ActionIcon size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: f.id })} aria-label={`Gỡ ${f.fileName}`}>
                ✕
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Table.Td>
      <Table.Td w={180}>
        <Badge
          color={!item.required && shownState === 'missing' ? 'gray' : STATE_COLORS[shownState]}
          variant="light"
          data-testid={`dossier-state-${item.id}`}
          style={{ maxWidth: 'none' }}
        >
          {item.generated && item.state === 'missing' ? 'Phần mềm lập' : !item.required && shownState === 'missing' ? 'Chưa có' : STATE_LABELS[shownState]}
        </Badge>
      </Table.Td>
      <Table.Td w={360}>
        <Group gap={6} justify="flex-end">
          {item.generated && (
            <Button
              size="xs"
              variant="light"
              loading={generate.isPending}
              onClick={() => generate.mutate({ productId, form: item.id as 'mau_01' | 'mau_02' | 'mau_03' }, { onSuccess: (r) => downloadBase64(r.fileName, r.mime, r.base64) })}
              data-testid={`form-${item.id}`}
            >
              Tải DOCX
            </Button>
          )}
          {!item.physical && (
            <FileButton
              accept={ACCEPT}
              onChange={async (file) => {
                if (!file) return;
                add.mutate({ productId, itemId: item.id, fileName: file.name, contentBase64: await fileToBase64(file) });
              }}
            >
              {(props) => (
                <Button size="xs" variant="default" loading={add.isPending} {...props} data-testid={`attach-${item.id}`}>
                  Đính kèm
                </Button>
              )}
            </FileButton>
          )}
          <SegmentedControl
            size="xs"
            value={item.state === 'received' || item.state === 'checked' ? item.state : 'none'}
            onChange={(v) => setState.mutate({ productId, itemId: item.id, state: v === 'none' ? 'missing' : (v as 'received' | 'checked') })}
            data={[
              { value: 'none', label: '—' },
              { value: 'received', label: 'Đã nhận' },
              { value: 'checked', label: 'Đã kiểm tra' },
            ]}
            data-testid={`state-${item.id}`}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
