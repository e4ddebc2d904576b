import { Alert, Badge, Button, Card, Group, List, Modal, ScrollArea, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { NtmCatalogSummary } from '../../../../core/contract/ntm';
import { validateCatalog, type CatalogIssue } from '../../../../core/ntm/index';
import { ApiError, call } from '../../api/client';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

function issuesOf(e: unknown): CatalogIssue[] {
  if (e instanceof ApiError) return ((e.details as { issues?: CatalogIssue[] } | undefined)?.issues ?? []).slice(0, 200);
  return [];
}

/** A province's own detailed set starts from the national one in force, under a new id and issuer. */
function provinceDraft(document: unknown, provinceName: string): string {
  const doc = structuredClone(document) as Record<string, unknown>;
  doc.id = `TINH-${String(doc.id)}`;
  doc.revision = 1;
  doc.name = `${String(doc.name)} — bộ chi tiết của ${provinceName}`;
  doc.issuer = { kind: 'tinh', name: `UBND ${provinceName}` };
  return JSON.stringify(doc, null, 2);
}

export type CatalogsPanelProps = { provinceName: string };

/**
 * NTM criteria catalogs: what is shipped and imported, export as JSON, import a province's set, and an editor
 * that checks a document against the published format before saving, listing every problem by its path.
 */
export function CatalogsPanel({ provinceName }: CatalogsPanelProps) {
  const qc = useQueryClient();
  const catalogs = useQuery({ queryKey: ['ntm.catalogs.list'], queryFn: () => call('ntm.catalogs.list', {}) });
  const [editor, setEditor] = useState<string | null>(null);
  const [issues, setIssues] = useState<CatalogIssue[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: (document: unknown) => call('ntm.catalogs.import', { document }),
    onSuccess: async (summary) => {
      await qc.invalidateQueries({ queryKey: ['ntm.catalogs.list'] });
      notifications.show({ color: 'green', message: `Đã nhập bộ tiêu chí ${summary.name} (lần sửa ${summary.revision}).` });
      setEditor(null);
      setIssues(null);
    },
    onError: (e) => {
      setIssues(issuesOf(e));
      notifications.show({ color: 'red', title: 'Không nhập được bộ tiêu chí', message: e.message });
    },
  });

  const check = (text: string): unknown => {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      setIssues([{ path: '', message: `Không phải JSON hợp lệ: ${(e as Error).message}` }]);
      return undefined;
    }
    const result = validateCatalog(doc);
    setIssues(result.ok ? [] : result.issues);
    return result.ok ? doc : undefined;
  };

  const exportOne = async (c: NtmCatalogSummary) => {
    const r = await call('ntm.catalogs.get', { id: c.id, revision: c.revision });
    download(`${c.id}-r${c.revision}.json`, JSON.stringify(r.document, null, 2));
  };

  const startProvinceSet = async () => {
    const inForce = (catalogs.data ?? []).find((c) => c.level === 'xa_ntm' && c.origin === 'shipped' && c.periodFrom <= new Date().getFullYear() && c.periodTo >= new Date().getFullYear());
    if (!inForce) return;
    const r = await call('ntm.catalogs.get', { id: inForce.id, revision: inForce.revision });
    setIssues(null);
    setEditor(provinceDraft(r.document, provinceName));
  };

  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Bộ tiêu chí nông thôn mới</Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => fileInput.current?.click()} data-testid="catalog-import">
            Nhập tệp JSON…
          </Button>
          <Button variant="light" onClick={() => void startProvinceSet()}>
            Soạn bộ tiêu chí của tỉnh
          </Button>
        </Group>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            const text = await file.text();
            setEditor(text);
            const doc = check(text);
            if (doc !== undefined) save.mutate(doc);
          }}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Mỗi bộ tiêu chí là một tài liệu có phiên bản và nguồn (quyết định, điều khoản). Chỉ tiêu không có ngưỡng trong nguồn được đánh giá thủ công kèm minh chứng. Định dạng công bố: ntm-desk/ntm-catalog (catalog.schema.json).
      </Text>
      <Table striped data-testid="catalog-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bộ tiêu chí</Table.Th>
            <Table.Th>Giai đoạn</Table.Th>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Nguồn</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(catalogs.data ?? []).map((c) => (
            <Table.Tr key={`${c.id}@${c.revision}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.decision} · {c.id} · lần sửa {c.revision}
                </Text>
              </Table.Td>
              <Table.Td>
                {c.periodFrom}–{c.periodTo}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {c.criteriaCount} tiêu chí, {c.indicatorCount} chỉ tiêu
                </Text>
                <Text size="xs" c="dimmed">
                  {c.manualIndicatorCount} chỉ tiêu đánh giá thủ công
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" color={c.origin === 'shipped' ? 'gray' : 'blue'} tt="none">
                    {c.origin === 'shipped' ? 'Kèm ứng dụng' : 'Đã nhập'}
                  </Badge>
                  {c.completeness === 'partial' && (
                    <Badge variant="light" color="yellow" tt="none" title={c.gaps.join('\n')}>
                      Thiếu ngưỡng chi tiết
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => void exportOne(c)}>
                  Xuất JSON
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editor !== null} onClose={() => setEditor(null)} title="Soạn bộ tiêu chí (JSON)" size="90%">
        <Stack>
          <Text size="sm" c="dimmed">
            Sửa mã (id), tên, căn cứ pháp lý, chỉ tiêu và ngưỡng; mỗi ngưỡng phải ghi nguồn (quyết định, điều khoản). Tăng số lần sửa (revision) khi sửa một bộ đã nhập.
          </Text>
          <TextInput label="Tỉnh" value={provinceName} readOnly />
          <Textarea value={editor ?? ''} onChange={(e) => setEditor(e.currentTarget.value)} autosize minRows={16} maxRows={24} ff="monospace" styles={{ input: { fontSize: 12 } }} data-testid="catalog-editor" />
          {issues !== null &&
            (issues.length === 0 ? (
              <Alert color="green">Bộ tiêu chí hợp lệ.</Alert>
            ) : (
              <Alert color="red" title={`${issues.length} lỗi`} data-testid="catalog-issues">
                <ScrollArea.Autosize mah={200}>
                  <List size="sm">
                    {issues.map((i, k) => (
                      <List.Item key={k}>
                        <Text span ff="monospace" size="xs">
                          {i.path || '(toàn bộ)'}
                        </Text>
                        : {i.message}
                      </List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
              </Alert>
            ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => check(editor ?? '')}>
              Kiểm tra
            </Button>
            <Button
              loading={save.isPending}
              onClick={() => {
                const doc = check(editor ?? '');
                if (doc !== undefined) save.mutate(doc);
              }}
              data-testid="catalog-save"
            >
              Lưu và nhập
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
