import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ExchangeKeyKind, ExchangeStatus } from '../../../../core/contract/index';
import { saveBase64File } from './files';
import { useExchangeDownload, useGenerateKeys } from './mutations';

export type OwnKeysCardProps = { status: ExchangeStatus };

export const KEY_KIND_LABELS: Record<ExchangeKeyKind, string> = {
  signing: 'Khoá ký (chứng thực đơn vị gửi)',
  encryption: 'Khoá nhận (giải mã gói gửi đến)',
};

/** This office's own keys: fingerprints to read aloud, public key files to hand over, generation. */
export function OwnKeysCard({ status }: OwnKeysCardProps) {
  const generate = useGenerateKeys();
  const exportKey = useExchangeDownload('exchange.keys.exportPublic');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const needsPassphrase = !status.osKeyStoreAvailable;
  const mismatch = needsPassphrase && confirm.length > 0 && confirm !== passphrase;
  const canGenerate = !needsPassphrase || (passphrase.length >= 8 && passphrase === confirm);

  return (
    <Card withBorder padding="lg" radius="md" data-testid="own-keys">
      <Title order={4} mb="xs">
        Khoá của văn phòng
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Khoá bí mật không bao giờ rời khỏi máy tính này ở dạng không mã hoá; chỉ khoá công khai được gửi đi. Khi trao
        đổi khoá, hãy đọc dấu vân tay qua điện thoại để bên kia đối chiếu.
      </Text>
      {status.keys.length > 0 && (
        <Table mb="md" data-testid="own-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Loại khoá</Table.Th>
              <Table.Th>Dấu vân tay</Table.Th>
              <Table.Th>Bảo vệ</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.keys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{KEY_KIND_LABELS[k.kind]}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" fw={600} data-testid={`fingerprint-${k.kind}`}>
                    {k.fingerprint}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge tt="none" variant="light" color={k.protection === 'os' ? 'teal' : 'blue'}>
                    {k.protection === 'os' ? 'Kho khoá hệ điều hành' : 'Mật khẩu'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {(status.mode === 'province' ? k.kind === 'encryption' : k.kind === 'signing') && (
                    <Button
                      size="xs"
                      variant="light"
                      data-testid={`export-public-${k.kind}`}
                      loading={exportKey.isPending}
                      onClick={() =>
                        exportKey.mutate(
                          { kind: k.kind },
                          { onSuccess: (f) => saveBase64File(f.fileName, f.contentBase64, 'text/plain') },
                        )
                      }
                    >
                      Tải tệp khoá công khai
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {status.missingKeys.length > 0 && (
        <Stack gap="sm">
          <Alert color="yellow" title="Chưa có khoá">
            {status.mode === 'province'
              ? 'Tạo khoá nhận để các đơn vị mã hoá gói dữ liệu gửi lên tỉnh.'
              : 'Tạo khoá ký và khoá nhận để gửi gói dữ liệu lên tỉnh.'}
          </Alert>
          {needsPassphrase && (
            <Group grow align="flex-start">
              <PasswordInput
                label="Mật khẩu bảo vệ khoá"
                description="Máy này không có kho khoá của hệ điều hành. Ít nhất 8 ký tự; hãy ghi nhớ, không khôi phục được."
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                data-testid="new-passphrase"
              />
              <PasswordInput
                label="Nhập lại mật khẩu"
                value={confirm}
                error={mismatch ? 'Hai lần nhập không khớp.' : undefined}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                data-testid="new-passphrase-confirm"
              />
            </Group>
          )}
          <Group>
            <Button
              data-testid="generate-keys"
              disabled={!canGenerate}
              loading={generate.isPending}
              onClick={() =>
                generate.mutate({
                  kinds: status.missingKeys,
                  passphrase: needsPassphrase ? passphrase : undefined,
                  replace: false,
                })
              }
            >
              Tạo khoá
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
