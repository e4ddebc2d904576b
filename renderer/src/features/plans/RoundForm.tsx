import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput, NtmLevel, RoundDetail } from '../../../../core/contract/index';
import { NTM_LEVEL_LABELS } from '../../../../core/contract/index';
import { FormError, formErrors } from './FormError';
import { useSaveRound } from './mutations';
import { useNtmCatalogs, useOcopMeta, useScopePreview } from './queries';

export type RoundFormProps = { round?: RoundDetail; onSaved: (id: string) => void };

type Fields = { title: string; documentNo: string; documentDate: string; issuer: string; membersDue: string; teamsDue: string; reviewDue: string; reportDue: string; note: string };

const FIELD_PATHS = /^(title|documentNo|documentDate|issuer|membersDue|teamsDue|reviewDue|reportDue|note|catalogId|scope(\..*)?)$/;

/**
 * A re-assessment round from its deciding document: scope by rule (previewed before saving), the catalog teams
 * judge against, and deadlines. With `round`, edits it: re-saving applies the rule again and keeps the items
 * already worked on (services/plans/rounds.ts).
 */
export function RoundForm({ round, onSaved }: RoundFormProps) {
  const save = useSaveRound();
  const catalogs = useNtmCatalogs();
  const ocopMeta = useOcopMeta();
  const [f, setF] = useState<Fields>({
    title: round?.title ?? '',
    documentNo: round?.documentNo ?? '',
    documentDate: round?.documentDate ?? '',
    issuer: round?.issuer ?? '',
    membersDue: round?.deadlines.find((d) => d.key === 'members')?.dueOn ?? '',
    teamsDue: round?.deadlines.find((d) => d.key === 'teams')?.dueOn ?? '',
    reviewDue: round?.deadlines.find((d) => d.key === 'review')?.dueOn ?? '',
    reportDue: round?.deadlines.find((d) => d.key === 'report')?.dueOn ?? '',
    note: round?.note ?? '',
  });
  const communes = round?.scope.communes;
  const products = round?.scope.products;
  const [withCommunes, setWithCommunes] = useState(round ? communes !== null : true);
  const [levels, setLevels] = useState<NtmLevel[]>(communes?.levels ?? ['xa_ntm', 'xa_ntm_nang_cao']);
  const [from, setFrom] = useState(communes?.recognizedFrom ?? '');
  const [to, setTo] = useState(communes?.recognizedTo ?? '');
  const [catalogId, setCatalogId] = useState<string | null>(round?.catalogId ?? null);
  const [withProducts, setWithProducts] = useState(products != null);
  const [certifiedBefore, setCertifiedBefore] = useState(products?.certifiedBefore ?? '');
  const [versions, setVersions] = useState<string[]>(products?.catalogVersions ?? []);
  const [stars, setStars] = useState<string[]>((products?.stars ?? []).map(String));
  const errors = formErrors(save.error);
  const scope: MethodInput<'plans.rounds.save'>['scope'] = {
    communes: withCommunes && from && to && levels.length > 0 ? { levels, recognizedFrom: from, recognizedTo: to } : null,
    products: withProducts ? { certifiedBefore: certifiedBefore || null, catalogVersions: versions, stars: stars.map((s) => Number(s) as 3 | 4 | 5) } : null,
  };
  const preview = useScopePreview(scope.communes || scope.products ? { scope } : null);
  const field = (k: keyof Fields, label: string, type = 'text', required = false) => (
    <TextInput label={label} type={type} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })} error={errors[k]} withAsterisk={required} data-testid={`round-${k}`} />
  );
  const submit = () =>
    save.mutate(
      {
        id: round?.id,
        title: f.title,
        documentNo: f.documentNo,
        documentDate: f.documentDate,
        issuer: f.issuer,
        catalogId,
        scope,
        membersDue: f.membersDue || null,
        teamsDue: f.teamsDue || null,
        reviewDue: f.reviewDue || null,
        reportDue: f.reportDue || null,
        note: f.note,
      },
      { onSuccess: (r) => onSaved(r.id) },
    );
  return (
    <Stack gap="sm" data-testid="round-form">
      {field('title', 'Tên đợt rà soát', 'text', true)}
      <Group grow align="flex-start">
        {field('documentNo', 'Số văn bản', 'text', true)}
        {field('documentDate', 'Ngày ban hành', 'date', true)}
        {field('issuer', 'Cơ quan ban hành', 'text', true)}
      </Group>
      <Checkbox label="Phạm vi: xã đã được công nhận trong khoảng thời gian" checked={withCommunes} onChange={(e) => setWithCommunes(e.currentTarget.checked)} data-testid="round-with-communes" />
      <Group grow align="flex-end">
        <MultiSelect
          label="Mức công nhận"
          data={Object.entries(NTM_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
          value={levels}
          onChange={(v) => setLevels(v as NtmLevel[])}
          disabled={!withCommunes}
        />
        <TextInput label="Công nhận từ ngày" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} disabled={!withCommunes} data-testid="round-from" />
        <TextInput label="đến ngày" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} disabled={!withCommunes} data-testid="round-to" />
      </Group>
      <Select
        label="Bộ tiêu chí đoàn dùng để thẩm định"
        description="Để trống: mỗi xã được thẩm định theo bộ tiêu chí đã dùng khi công nhận."
        clearable
        data={(catalogs.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.decision})` }))}
        value={catalogId}
        onChange={setCatalogId}
        error={errors.catalogId}
        data-testid="round-catalog"
      />
      <Checkbox label="Phạm vi: sản phẩm OCOP còn hiệu lực công nhận" checked={withProducts} onChange={(e) => setWithProducts(e.currentTarget.checked)} data-testid="round-with-products" />
      <Group grow align="flex-end">
        <TextInput label="Công nhận trước ngày" type="date" value={certifiedBefore} onChange={(e) => setCertifiedBefore(e.currentTarget.value)} disabled={!withProducts} data-testid="round-certified-before" />
        <MultiSelect
          label="hoặc chấm theo bộ tiêu chí cũ"
          data={(ocopMeta.data?.versions ?? []).map((v) => ({ value: v.id, label: v.decision }))}
          value={versions}
          onChange={setVersions}
          disabled={!withProducts}
        />
        <MultiSelect label="Hạng sao" placeholder="tất cả" data={['3', '4', '5'].map((s) => ({ value: s, label: `${s} sao` }))} value={stars} onChange={setStars} disabled={!withProducts} />
      </Group>
      {preview.data && (
        <Alert color={preview.data.communeCount + preview.data.productCount === 0 ? 'yellow' : 'blue'} title={`Phạm vi: ${preview.data.communeCount} xã, ${preview.data.productCount} sản phẩm`} data-testid="round-preview">
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
      {preview.isError && (
        <Alert color="red" data-testid="round-preview-error">
          {preview.error.message}
        </Alert>
      )}
      <Text fw={600} size="sm">
        Thời hạn
      </Text>
      <Group grow align="flex-start">
        {field('membersDue', 'Gửi danh sách thành viên', 'date')}
        {field('teamsDue', 'Thành lập đoàn', 'date')}
        {field('reviewDue', 'Hoàn thành rà soát', 'date')}
        {field('reportDue', 'Báo cáo kết quả', 'date')}
      </Group>
      <Textarea label="Ghi chú" autosize minRows={1} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} />
      <FormError error={save.error} placed={(p) => FIELD_PATHS.test(p) && !p.startsWith('scope')} testId="round-error" />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="round-save">
          {round ? 'Lưu thay đổi' : 'Lưu đợt rà soát'}
        </Button>
      </Group>
    </Stack>
  );
}
