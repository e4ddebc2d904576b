import { Alert, Button, Checkbox, Group, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, NtmLevel } from '../../../../core/contract/index';
import { NTM_LEVEL_LABELS } from '../../../../core/contract/index';
import { useSaveRound } from './mutations';
import { useScopePreview } from './queries';

export type RoundFormProps = { onSaved: (id: string) => void };

/** A re-assessment round from its deciding document: scope by rule (previewed before saving) and deadlines. */
export function RoundForm({ onSaved }: RoundFormProps) {
  const save = useSaveRound();
  const [f, setF] = useState({ title: '', documentNo: '', documentDate: '', issuer: '', membersDue: '', teamsDue: '', reviewDue: '', reportDue: '' });
  const [levels, setLevels] = useState<NtmLevel[]>(['xa_ntm', 'xa_ntm_nang_cao']);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [withProducts, setWithProducts] = useState(false);
  const [certifiedBefore, setCertifiedBefore] = useState('');
  const scope: MethodInput<'plans.rounds.save'>['scope'] = {
    communes: from && to && levels.length > 0 ? { levels, recognizedFrom: from, recognizedTo: to } : null,
    products: withProducts ? { certifiedBefore: certifiedBefore || null, catalogVersions: [], stars: [] } : null,
  };
  const preview = useScopePreview(scope.communes || scope.products ? { scope } : null);
  const field = (k: keyof typeof f, label: string, type = 'text') => (
    <TextInput label={label} type={type} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })} data-testid={`round-${k}`} />
  );
  const submit = () =>
    save.mutate(
      {
        title: f.title,
        documentNo: f.documentNo,
        documentDate: f.documentDate,
        issuer: f.issuer,
        scope,
        membersDue: f.membersDue || null,
        teamsDue: f.teamsDue || null,
        reviewDue: f.reviewDue || null,
        reportDue: f.reportDue || null,
      },
      { onSuccess: (r) => onSaved(r.id) },
    );
  return (
    <Stack gap="sm" data-testid="round-form">
      {field('title', 'Tên đợt rà soát')}
      <Group grow>
        {field('documentNo', 'Số văn bản')}
        {field('documentDate', 'Ngày ban hành', 'date')}
        {field('issuer', 'Cơ quan ban hành')}
      </Group>
      <Text fw={600} size="sm">
        Phạm vi: xã đã được công nhận
      </Text>
      <Group grow align="flex-end">
        <MultiSelect label="Mức công nhận" data={Object.entries(NTM_LEVEL_LABELS).map(([value, label]) => ({ value, label }))} value={levels} onChange={(v) => setLevels(v as NtmLevel[])} />
        <TextInput label="Công nhận từ ngày" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="round-from" />
        <TextInput label="đến ngày" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="round-to" />
      </Group>
      <Group align="flex-end">
        <Checkbox label="Kiểm tra cả sản phẩm OCOP được công nhận trước ngày" checked={withProducts} onChange={(e) => setWithProducts(e.currentTarget.checked)} />
        <TextInput type="date" aria-label="Công nhận OCOP trước ngày" value={certifiedBefore} onChange={(e) => setCertifiedBefore(e.currentTarget.value)} disabled={!withProducts} />
      </Group>
      {preview.data && (
        <Alert color="blue" title={`Phạm vi: ${preview.data.communeCount} xã, ${preview.data.productCount} sản phẩm`} data-testid="round-preview">
          <Table>
            <Table.Tbody>
              {preview.data.items.slice(0, 30).map((i) => (
                <Table.Tr key={`${i.kind}/${i.code}`}>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{i.reason}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      <Text fw={600} size="sm">
        Thời hạn
      </Text>
      <Group grow>
        {field('membersDue', 'Gửi danh sách thành viên', 'date')}
        {field('teamsDue', 'Thành lập đoàn', 'date')}
        {field('reviewDue', 'Hoàn thành rà soát', 'date')}
        {field('reportDue', 'Báo cáo kết quả', 'date')}
      </Group>
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="round-save">
          Lưu đợt rà soát
        </Button>
      </Group>
    </Stack>
  );
}
