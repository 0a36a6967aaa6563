import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { LIMITS } from '../../../shared/domain/limits';
import { OrganisationInputSchema, type Organisation, type OrganisationInput } from '../../../shared/domain/organisation';
import { stakeholderTypeLabel, stakeholderTypes } from '../../../shared/regions';
import { addOrganisation, updateOrganisation } from '../../../shared/workspace-doc/organisations';
import { useZodValidate } from '../hooks/useZodValidate';
import { useStorageAction } from '../hooks/useStorageAction';

const MAXIMA = { name: LIMITS.organisationName, description: LIMITS.description, website: LIMITS.website };

/** Add (no `organisation`) or edit an organisation of the workspace. */
export function OrganisationFormModal({ doc, memberId, organisation, onClose }: { doc: Y.Doc; memberId: string; organisation?: Organisation; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { run, busy } = useStorageAction();
  const form = useForm<OrganisationInput>({
    initialValues: organisation
      ? { name: organisation.name, type: organisation.type, description: organisation.description, website: organisation.website }
      : { name: '', type: '', description: '', website: '' },
    validate: useZodValidate(OrganisationInputSchema, MAXIMA),
  });
  const typeOptions = stakeholderTypes.map((type) => ({ value: type.id, label: stakeholderTypeLabel(type.id, i18n.resolvedLanguage ?? 'nl') }));

  const submit = form.onSubmit((values) => {
    const fields = OrganisationInputSchema.parse(values);
    // The change lands in the in-memory document at once; if writing it to disk fails, PersistenceGuard says so and retries.
    void run(async () => {
      if (organisation) updateOrganisation(doc, organisation.id, fields, Date.now());
      else addOrganisation(doc, fields, { memberId, now: Date.now() });
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('organisations.saved', { name: fields.name }) });
      onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={organisation ? t('organisations.editTitle') : t('organisations.addTitle')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('organisations.name')} required data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('organisations.type')}
            placeholder={t('organisations.typePlaceholder')}
            required
            data={typeOptions}
            allowDeselect={false}
            {...form.getInputProps('type')}
            onChange={(value) => form.setFieldValue('type', value ?? '')}
          />
          <Textarea label={t('organisations.description')} autosize minRows={3} maxRows={8} {...form.getInputProps('description')} />
          <TextInput label={t('organisations.website')} placeholder={t('organisations.websitePlaceholder')} type="url" inputMode="url" {...form.getInputProps('website')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('organisations.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('organisations.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
