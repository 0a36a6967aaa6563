import { Alert, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LIMITS, DocumentFieldsSchema, parseTags, SENSITIVITIES, type DocumentFields, type LibraryScope, type Sensitivity } from '../../../shared/workspace-doc/documents';
import type { Organisation } from '../../../shared/domain/organisation';

/** What the form holds: tags as typed, in one field. */
export interface DocumentFormValues {
  title: string;
  description: string;
  tags: string;
  organisationId: string;
  sensitivity: Sensitivity;
}

/** The labels a library offers: vertrouwelijk only in a confidential room. */
export function sensitivitiesFor(scope: LibraryScope): readonly Sensitivity[] {
  return scope === 'room' ? SENSITIVITIES : SENSITIVITIES.filter((label) => label !== 'vertrouwelijk');
}

export function toFields(values: DocumentFormValues): DocumentFields {
  return DocumentFieldsSchema.parse({ ...values, tags: parseTags(values.tags) });
}

/** Field-level checks with messages; the same bounds the shared document enforces. */
export function useDocumentFormValidate() {
  const { t } = useTranslation();
  return {
    title: (value: string) => (value.trim() === '' ? t('documents.required') : value.trim().length > DOCUMENT_LIMITS.title ? t('documents.tooLong', { max: DOCUMENT_LIMITS.title }) : null),
    description: (value: string) => (value.trim().length > DOCUMENT_LIMITS.description ? t('documents.tooLong', { max: DOCUMENT_LIMITS.description }) : null),
    tags: (value: string) => {
      const tags = parseTags(value);
      return tags.length > DOCUMENT_LIMITS.tags || tags.some((tag) => tag.length > DOCUMENT_LIMITS.tag) ? t('documents.tooManyTags', { max: DOCUMENT_LIMITS.tags, length: DOCUMENT_LIMITS.tag }) : null;
    },
    organisationId: (value: string) => (value === '' ? t('documents.required') : null),
  };
}

export function DocumentFieldInputs({ form, scope, organisations }: { form: UseFormReturnType<DocumentFormValues>; scope: LibraryScope; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  const labels = sensitivitiesFor(scope);
  return (
    <Stack gap="sm">
      <TextInput label={t('documents.fieldTitle')} required maxLength={DOCUMENT_LIMITS.title} {...form.getInputProps('title')} />
      <Textarea label={t('documents.fieldDescription')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
      <TextInput label={t('documents.fieldTags')} description={t('documents.fieldTagsHint')} {...form.getInputProps('tags')} />
      {organisations.length === 0 ? (
        <Alert color="orange" role="alert">
          {t('documents.noOrganisations')}
        </Alert>
      ) : (
        <Select
          label={t('documents.fieldOrganisation')}
          required
          allowDeselect={false}
          data={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          {...form.getInputProps('organisationId')}
          onChange={(value) => form.setFieldValue('organisationId', value ?? '')}
        />
      )}
      <Select
        label={t('documents.fieldSensitivity')}
        required
        allowDeselect={false}
        data={labels.map((label) => ({ value: label, label: t(`documents.sensitivity.${label}`) }))}
        {...form.getInputProps('sensitivity')}
        onChange={(value) => value && form.setFieldValue('sensitivity', value as Sensitivity)}
      />
      {scope === 'workspace' && (
        // A hint, not an alert (Mantine's Alert always carries role="alert").
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            {t('documents.vertrouwelijkHint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
