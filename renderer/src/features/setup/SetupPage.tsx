import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompleteSetup } from '../../api/queries';
import { OfficeForm } from './OfficeForm';
import { errorsOf, formToSetupInput } from './toInput';

/** First run: the office says who it is before anything else is shown. */
export function SetupPage() {
  const { t } = useTranslation();
  const mutation = useCompleteSetup();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={620} radius="md">
        <Stack>
          <div>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          <OfficeForm
            initial={{ kind: 'commune', provinceCode: null, unitCode: null, officeName: '', parentBodyName: '', staffName: '' }}
            withStaff
            submitLabel={t('setup.submit')}
            submitting={mutation.isPending}
            errors={errorsOf(mutation.error)}
            onSubmit={(v) => mutation.mutate(formToSetupInput(v))}
          />
        </Stack>
      </Paper>
    </Center>
  );
}
