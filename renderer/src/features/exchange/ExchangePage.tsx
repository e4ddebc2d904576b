import { Alert, Card, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo } from '../../../../core/contract/index';
import { OfficeExportPanel } from './OfficeExportPanel';
import { OwnKeysCard } from './OwnKeysCard';
import { ProvinceImportPanel } from './ProvinceImportPanel';
import { useExchangeStatus } from './queries';

export type ExchangePageProps = { info: AppInfo };

/**
 * Data exchange. An office: its keys, the province's recipient key, exports. The province (office kind
 * "province"): its key, the registry of offices and their keys, imports and the import log.
 */
export function ExchangePage({ info }: ExchangePageProps) {
  const status = useExchangeStatus();
  const [passphrase, setPassphrase] = useState('');
  if (status.isPending) return <Loader aria-label="Đang tải" />;
  if (status.isError) {
    return (
      <Alert color="red" role="alert">
        {status.error.message}
      </Alert>
    );
  }
  const s = status.data;
  const entered = passphrase.length >= 8 ? passphrase : undefined;
  return (
    <Stack>
      <Title order={2}>Trao đổi dữ liệu</Title>
      <Text c="dimmed">
        {s.mode === 'province'
          ? `Chế độ tỉnh — ${info.office?.officeName ?? ''}: nhận và tổng hợp gói dữ liệu của các đơn vị.`
          : `${info.office?.officeName ?? ''} (${s.officeCode}): gửi dữ liệu lên văn phòng cấp tỉnh.`}
      </Text>
      <OwnKeysCard status={s} />
      {s.needsPassphrase && s.missingKeys.length === 0 && (
        <Card withBorder padding="md" radius="md">
          <PasswordInput
            label="Mật khẩu khoá"
            description="Khoá bí mật của văn phòng được bảo vệ bằng mật khẩu: nhập để xuất hoặc nhập gói dữ liệu. Mật khẩu không được lưu."
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            data-testid="key-passphrase"
            maw={480}
          />
        </Card>
      )}
      {s.mode === 'province' ? (
        <ProvinceImportPanel passphrase={entered} needsPassphrase={s.needsPassphrase} />
      ) : (
        <OfficeExportPanel status={s} passphrase={entered} />
      )}
    </Stack>
  );
}
