import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type PagePlaceholderProps = { title: string; description: string };

/** An honest empty page: says what is coming instead of pretending. */
export function PagePlaceholder({ title, description }: PagePlaceholderProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Alert color="blue" title={t('placeholder.comingTitle')}>
        {description}
      </Alert>
    </Stack>
  );
}
