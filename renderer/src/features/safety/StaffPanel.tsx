import { Badge, Button, Card, Group, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useAddStaff, useStaff } from './queries';
import { formatDateTime } from './format';

/** People who use this computer; each change in the application records who made it. */
export function StaffPanel() {
  const staff = useStaff();
  const add = useAddStaff();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={4} mb="sm">
        Người sử dụng máy tính này
      </Title>
      <Table mb="md">
        <Table.Tbody>
          {(staff.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                {s.name} {s.current && <Badge ml="xs">Đang sử dụng</Badge>}
              </Table.Td>
              <Table.Td>{s.hasPin ? 'Có mã PIN' : 'Không có mã PIN'}</Table.Td>
              <Table.Td>Thêm lúc {formatDateTime(s.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ name, pin: pin === '' ? undefined : pin }, { onSuccess: () => (setName(''), setPin('')) });
        }}
      >
        <Stack gap="xs">
          <Group align="flex-end" grow>
            <TextInput label="Họ và tên" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="staff-add-name" />
            <PasswordInput label="Mã PIN (tùy chọn, 4–8 chữ số)" value={pin} onChange={(e) => setPin(e.currentTarget.value)} data-testid="staff-add-pin" />
            <Button type="submit" loading={add.isPending} data-testid="staff-add-submit">
              Thêm người dùng
            </Button>
          </Group>
          {add.error && (
            <Text c="red" size="sm" role="alert">
              {add.error.message}
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}
