import { Alert, Button, Grid, Group, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppInfo, OcopProductDetail } from '../../../../core/contract/index';
import { classificationText, OCOP_CLASSIFICATION, REGISTRATION_KINDS, type RegistrationKind } from '../../../../core/ocop';
import { fieldErrors } from '../../api/client';
import { foldFilter } from '../../components/UnitSelect/foldFilter';
import { UnitSelect } from '../../components/UnitSelect/UnitSelect';
import { useSaveProduct } from './mutations';
import { useProducers } from './queries';

export type ProductFormProps = { info: AppInfo; product?: OcopProductDetail; onDone: (p: OcopProductDetail) => void };

/** Registers a product (or corrects one): producer, name, commune, classification of Phụ lục I = its score sheet. */
export function ProductForm({ info, product, onDone }: ProductFormProps) {
  const producers = useProducers();
  const save = useSaveProduct();
  const [v, setV] = useState({
    producerId: product?.producerId ?? null as string | null,
    name: product?.name ?? '',
    unitCode: product?.unitCode ?? (info.office?.unitLevel === 'commune' ? info.office.unitCode : null) as string | null,
    sheetNo: product ? String(product.sheetNo) : null as string | null,
    registrationKind: (product?.registrationKind ?? 'first') as RegistrationKind,
    description: product?.description ?? '',
  });
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [k]: value }));
  const errors = fieldErrors(save.error);
  const sheets = OCOP_CLASSIFICATION.map((c) => ({
    value: String(c.sheetNo),
    label: `${c.sheetNo}. ${c.subgroup ?? c.group} — ${c.group}`,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: product?.id,
        producerId: v.producerId ?? '',
        name: v.name,
        unitCode: v.unitCode ?? '',
        sheetNo: Number(v.sheetNo ?? 0),
        registrationKind: v.registrationKind,
        description: v.description,
      },
      { onSuccess: onDone },
    );
  };
  const noProducers = producers.isSuccess && producers.data.length === 0;
  return (
    <form onSubmit={submit} noValidate>
      {noProducers && (
        <Alert color="yellow" mb="md">
          Chưa có chủ thể nào. Hãy thêm chủ thể ở mục "Chủ thể" trước.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={12}>
          <Select
            label="Chủ thể OCOP"
            data={(producers.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.unitName})` }))}
            value={v.producerId}
            onChange={(id) => {
              const p = producers.data?.find((x) => x.id === id);
              setV((old) => ({ ...old, producerId: id, unitCode: old.unitCode ?? p?.unitCode ?? null }));
            }}
            searchable
            filter={foldFilter}
            withAsterisk
            error={errors.producerId}
            data-testid="product-producer"
          />
        </Grid.Col>
        <Grid.Col span={7}>
          <TextInput label="Tên sản phẩm" value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} withAsterisk data-testid="product-name" />
        </Grid.Col>
        <Grid.Col span={5}>
          <UnitSelect
            testId="product-commune"
            label="Xã/phường đăng ký"
            level="commune"
            era="current"
            parentCode={info.office?.provinceCode}
            value={v.unitCode}
            onChange={(code) => set('unitCode', code)}
            error={errors.unitCode}
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <Select
            label="Phân nhóm sản phẩm — bộ tiêu chí (Phụ lục I, II)"
            data={sheets}
            value={v.sheetNo}
            onChange={(x) => set('sheetNo', x)}
            searchable
            filter={foldFilter}
            withAsterisk
            disabled={Boolean(product && product.evaluations.length > 0)}
            error={errors.sheetNo}
            data-testid="product-sheet"
          />
          {v.sheetNo && (
            <Text size="xs" c="dimmed" mt={4}>
              {classificationText(Number(v.sheetNo))}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={4}>
          <Select
            label="Lần đăng ký (Mẫu 01)"
            data={Object.entries(REGISTRATION_KINDS).map(([value, label]) => ({ value, label }))}
            value={v.registrationKind}
            onChange={(x) => x && set('registrationKind', x as RegistrationKind)}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Mô tả quy cách, tiêu chuẩn" value={v.description} onChange={(e) => set('description', e.currentTarget.value)} autosize minRows={2} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending} data-testid="product-submit">
          {product ? 'Lưu sản phẩm' : 'Đăng ký sản phẩm'}
        </Button>
      </Group>
    </form>
  );
}
