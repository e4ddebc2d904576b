import { Button, FileButton, Group, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { fileToBase64 } from './files';
import { useImportPeer } from './mutations';

export type PeerKeyImportProps = { label: string; withOfficeCode: boolean; testId: string };

/** Picks the other side's public key file and registers it (the service reads the office code from the file). */
export function PeerKeyImport({ label, withOfficeCode, testId }: PeerKeyImportProps) {
  const importPeer = useImportPeer();
  const [officeCode, setOfficeCode] = useState('');
  const resetFile = useRef<() => void>(null);
  return (
    <Group align="flex-end">
      {withOfficeCode && (
        <TextInput
          label="Mã đơn vị (nếu tệp không ghi)"
          placeholder="X03390"
          value={officeCode}
          onChange={(e) => setOfficeCode(e.currentTarget.value.trim().toUpperCase())}
          w={200}
        />
      )}
      <FileButton
        onChange={async (file) => {
          if (file === null) return;
          const contentBase64 = await fileToBase64(file);
          resetFile.current?.();
          importPeer.mutate({
            fileName: file.name,
            contentBase64,
            officeCode: withOfficeCode && officeCode !== '' ? officeCode : undefined,
          });
        }}
        resetRef={resetFile}
        accept=".pub,.txt,text/plain"
        inputProps={{ 'data-testid': `${testId}-input` } as React.ComponentProps<'input'>}
      >
        {(props) => (
          <Button {...props} variant="light" loading={importPeer.isPending} data-testid={testId}>
            {label}
          </Button>
        )}
      </FileButton>
      {importPeer.data && (
        <Text size="sm" data-testid={`${testId}-result`}>
          Đã đăng ký {importPeer.data.officeCode} — dấu vân tay <b>{importPeer.data.fingerprint}</b>: hãy đối chiếu với
          bên gửi.
        </Text>
      )}
    </Group>
  );
}
