import { Button, Grid, Group, Select, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppInfo, OcopProducer } from '../../../../core/contract/index';
import { PRODUCER_KINDS, type ProducerKind } from '../../../../core/ocop';
import { fieldErrors } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect/UnitSelect';
import { useSaveProducer } from './mutations';

export type ProducerFormProps = { info: AppInfo; producer?: OcopProducer; onDone: (p: OcopProducer) => void };

/** Chủ thể OCOP: kind (Điều 2, khoản 3), registration number, legal representative, address in a current commune. */
export function ProducerForm({ info, producer, onDone }: ProducerFormProps) {
  const save = useSaveProducer();
  const office = info.office!;
  const [v, setV] = useState({
    kind: (producer?.kind ?? 'hop_tac_xa') as ProducerKind,
    name: producer?.name ?? '',
    taxCode: producer?.taxCode ?? '',
    legalRepName: producer?.legalRepName ?? '',
    legalRepTitle: producer?.legalRepTitle ?? '',
    legalRepGender: producer?.legalRepGender ?? null,
    legalRepEthnicity: producer?.legalRepEthnicity ?? '',
    legalRepAddress: producer?.legalRepAddress ?? '',
    address: producer?.address ?? '',
    unitCode: producer?.unitCode ?? (office.unitLevel === 'commune' ? office.unitCode : null),
    phone: producer?.phone ?? '',
    email: producer?.email ?? '',
    note: producer?.note ?? '',
  });
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [k]: value }));
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ...v, id: producer?.id, unitCode: v.unitCode ?? '' }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Grid>
        <Grid.Col span={12}>
          <Select
            label="Loại hình chủ thể"
            description="QĐ 26/2026/QĐ-TTg, Điều 2, khoản 3"
            data={Object.entries(PRODUCER_KINDS).map(([value, label]) => ({ value, label }))}
            value={v.kind}
            onChange={(x) => x && set('kind', x as ProducerKind)}
            allowDeselect={false}
            withAsterisk
            data-testid="producer-kind"
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <TextInput label="Tên chủ thể" value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} withAsterisk data-testid="producer-name" />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput label="Mã số thuế / số ĐKKD" value={v.taxCode} onChange={(e) => set('taxCode', e.currentTarget.value)} error={errors.taxCode} data-testid="producer-tax" />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label="Người đại diện pháp luật" value={v.legalRepName} onChange={(e) => set('legalRepName', e.currentTarget.value)} error={errors.legalRepName} withAsterisk data-testid="producer-rep" />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="Chức vụ" value={v.legalRepTitle} onChange={(e) => set('legalRepTitle', e.currentTarget.value)} data-testid="producer-rep-title" />
        </Grid.Col>
        <Grid.Col span={2}>
          <Select label="Giới tính" data={[{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }]} value={v.legalRepGender} onChange={(x) => set('legalRepGender', x as 'nam' | 'nu' | null)} clearable />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label="Dân tộc" value={v.legalRepEthnicity} onChange={(e) => set('legalRepEthnicity', e.currentTarget.value)} />
        </Grid.Col>
        <Grid.Col span={6}>
          <UnitSelect
            testId="producer-commune"
            label="Xã/phường (mã hiện hành)"
            level="commune"
            era="current"
            parentCode={office.provinceCode}
            value={v.unitCode}
            onChange={(code) => set('unitCode', code)}
            error={errors.unitCode}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Địa chỉ (thôn, bản, số nhà)" value={v.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} withAsterisk data-testid="producer-address" />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput label="Điện thoại" value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} data-testid="producer-phone" />
        </Grid.Col>
        <Grid.Col span={8}>
          <TextInput label="Email" value={v.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label="Địa chỉ thường trú của người đại diện" value={v.legalRepAddress} onChange={(e) => set('legalRepAddress', e.currentTarget.value)} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Ghi chú" value={v.note} onChange={(e) => set('note', e.currentTarget.value)} autosize minRows={2} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending} data-testid="producer-submit">
          Lưu chủ thể
        </Button>
      </Group>
    </form>
  );
}
