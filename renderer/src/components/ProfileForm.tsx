import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { IdentityProfileInputSchema, type IdentityProfile, type IdentityProfileInput } from '../../../shared/domain/identity';
import { LIMITS } from '../../../shared/domain/limits';
import { useZodValidate } from '../hooks/useZodValidate';

const MAXIMA = { displayName: LIMITS.displayName, organisationName: LIMITS.organisationName, role: LIMITS.role };

/** Name, organisation and role; used on first run and when editing the profile. */
export function ProfileForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  initial?: IdentityProfile;
  submitLabel: string;
  busy: boolean;
  onSubmit: (profile: IdentityProfile) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const validate = useZodValidate(IdentityProfileInputSchema, MAXIMA);
  const form = useForm<IdentityProfileInput>({
    initialValues: initial ?? { displayName: '', organisationName: '', role: '' },
    validate,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(IdentityProfileInputSchema.parse(values)))}>
      <Stack>
        <TextInput label={t('identity.displayName')} required autoComplete="name" data-autofocus {...form.getInputProps('displayName')} />
        <TextInput label={t('identity.organisationName')} required autoComplete="organization" {...form.getInputProps('organisationName')} />
        <TextInput label={t('identity.role')} required placeholder={t('identity.rolePlaceholder')} autoComplete="organization-title" {...form.getInputProps('role')} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('identity.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
