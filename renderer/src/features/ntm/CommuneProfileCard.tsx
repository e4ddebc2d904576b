import { Button, Card, Checkbox, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { NtmCommune } from '../../../../core/contract/index';
import { COMMUNE_GROUP_NAMES, REGION_CODES, REGION_NAMES, type RegionCode } from '../../../../core/ntm/regions';
import { useSetCommuneProfile } from './mutations';
import { useNtmCatalog } from './queries';

export type CommuneProfileCardProps = { commune: NtmCommune; catalogId: string };

type ProfileFlag = { code: string; label: string };

/** The catalog document is versioned data; only the two fields the profile needs are read from it. */
function catalogProfile(document: unknown): { flags: ProfileFlag[]; differentiation: string | null } {
  const d = (document ?? {}) as { profileFlags?: unknown; differentiation?: unknown };
  const flags = Array.isArray(d.profileFlags)
    ? d.profileFlags.filter((f): f is ProfileFlag => typeof f === 'object' && f !== null && typeof (f as ProfileFlag).code === 'string' && typeof (f as ProfileFlag).label === 'string')
    : [];
  return { flags, differentiation: typeof d.differentiation === 'string' ? d.differentiation : null };
}

/**
 * Region (7 regions, 2021–2025 and earlier), commune group (1–3, 2026–2030) and the catalog's profile flags:
 * the facts that choose a threshold.
 */
export function CommuneProfileCard({ commune, catalogId }: CommuneProfileCardProps) {
  const catalog = useNtmCatalog(catalogId);
  const save = useSetCommuneProfile();
  const [region, setRegion] = useState<string | null>(commune.region);
  const [group, setGroup] = useState<string | null>(commune.group === null ? null : String(commune.group));
  const [flags, setFlags] = useState<Record<string, boolean>>(commune.flags);
  const profile = catalogProfile(catalog.data?.document);
  const changed =
    region !== commune.region ||
    group !== (commune.group === null ? null : String(commune.group)) ||
    JSON.stringify(flags) !== JSON.stringify(commune.flags);
  const usedAxis = profile.differentiation === 'group3' ? 'nhóm xã' : profile.differentiation === 'region7' ? 'vùng' : null;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="commune-profile">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Thông tin xã dùng để chọn ngưỡng</Text>
        {usedAxis && (
          <Text size="xs" c="dimmed">
            Bộ tiêu chí này phân ngưỡng theo {usedAxis}
          </Text>
        )}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Vùng kinh tế – xã hội"
          placeholder="Chưa chọn"
          data={REGION_CODES.map((c: RegionCode) => ({ value: c, label: REGION_NAMES[c] }))}
          value={region}
          onChange={setRegion}
          clearable
          size="xs"
          w={250}
          data-testid="profile-region"
        />
        <Select
          label="Nhóm xã (2026–2030)"
          placeholder="Chưa chọn"
          data={([1, 2, 3] as const).map((g) => ({ value: String(g), label: COMMUNE_GROUP_NAMES[g] }))}
          value={group}
          onChange={setGroup}
          clearable
          size="xs"
          w={250}
          comboboxProps={{ width: 440 }}
          data-testid="profile-group"
        />
        <Button size="xs" disabled={!changed} loading={save.isPending} data-testid="profile-save" onClick={() =>
          save.mutate({
            unitCodes: [commune.unitCode],
            region: (region as RegionCode | null) ?? null,
            group: group === null ? null : (Number(group) as 1 | 2 | 3),
            flags,
          })
        }>
          Lưu thông tin xã
        </Button>
      </Group>
      {profile.flags.length > 0 && (
        <Group gap="md" mt="xs">
          {profile.flags.map((f) => (
            <Checkbox
              key={f.code}
              size="xs"
              label={f.label}
              checked={flags[f.code] === true}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setFlags((old) => ({ ...old, [f.code]: checked }));
              }}
            />
          ))}
        </Group>
      )}
    </Card>
  );
}
