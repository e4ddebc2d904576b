import { Button, Center, Paper, PasswordInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useSelectStaff, useStaff } from './queries';

const CHOSEN_KEY = 'ntm-desk-staff-chosen';

export type StaffGateProps = { children: ReactNode };

/**
 * On a shared computer the person at the keyboard is chosen at start (with a PIN where one is set), so every
 * change is recorded under the right name. With one person and no PIN there is nothing to ask.
 */
export function StaffGate({ children }: StaffGateProps) {
  const staff = useStaff();
  const select = useSelectStaff();
  const [chosen, setChosen] = useState(() => sessionStorage.getItem(CHOSEN_KEY) === '1');
  const [id, setId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const list = staff.data ?? [];
  const needsChoice = list.length > 1 || list.some((s) => s.hasPin);
  // A session that started with nobody to choose from keeps its person when a colleague is added later.
  const nothingToAsk = staff.isSuccess && !needsChoice;
  useEffect(() => {
    if (nothingToAsk && !chosen) {
      sessionStorage.setItem(CHOSEN_KEY, '1');
      setChosen(true);
    }
  }, [nothingToAsk, chosen]);
  if (chosen || staff.isPending || !needsChoice) return <>{children}</>;
  const selected = list.find((s) => s.id === (id ?? list.find((x) => x.current)?.id));
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" w={480} radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!selected) return;
            select.mutate(
              { id: selected.id, pin: selected.hasPin ? pin : undefined },
              {
                onSuccess: () => {
                  sessionStorage.setItem(CHOSEN_KEY, '1');
                  setChosen(true);
                },
              },
            );
          }}
        >
          <Stack>
            <Title order={3}>Ai đang sử dụng máy?</Title>
            <Text size="sm" c="dimmed">
              Mọi thay đổi trong phiên làm việc này sẽ được ghi nhận theo tên người dùng.
            </Text>
            <Radio.Group value={selected?.id ?? null} onChange={setId}>
              <Stack gap="xs">
                {list.map((s) => (
                  <Radio key={s.id} value={s.id} label={s.name} data-testid={`staff-choice-${s.name}`} />
                ))}
              </Stack>
            </Radio.Group>
            {selected?.hasPin && <PasswordInput label="Mã PIN" value={pin} onChange={(e) => setPin(e.currentTarget.value)} data-testid="staff-pin" autoFocus />}
            {select.error && (
              <Text c="red" size="sm" role="alert">
                {select.error.message}
              </Text>
            )}
            <Button type="submit" disabled={!selected} loading={select.isPending} data-testid="staff-continue">
              Tiếp tục
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
