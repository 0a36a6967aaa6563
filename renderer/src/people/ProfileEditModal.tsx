import { Button, Group, Modal, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PROFILE_LIMITS, ProfileInputSchema, updateOwnProfile, type Member, type ProfileInput } from '../../../shared/workspace-doc/members';
import { useStorageAction } from '../hooks/useStorageAction';
import { useZodValidate } from '../hooks/useZodValidate';
import { useWorkspace } from '../contexts/workspace-context';
import type { People } from './usePeople';

/** The select's value for "no link, match by name" (stored as no organisationId). */
const BY_NAME = '__by-name__';

const MAXIMA = { expertise: PROFILE_LIMITS.expertiseTag, contact: PROFILE_LIMITS.contact, brings: PROFILE_LIMITS.freeText, seeks: PROFILE_LIMITS.freeText };

/** "Mijn profiel bewerken": the member's own profile in this workspace. Name, organisation and role belong to the device profile. */
export function ProfileEditModal({ member, people, onClose }: { member: Member; people: People; onClose: () => void }) {
  const { t } = useTranslation();
  const { doc } = useWorkspace();
  const { run, busy } = useStorageAction();
  const form = useForm<ProfileInput>({
    initialValues: {
      organisationId: member.organisationId && people.organisationById.has(member.organisationId) ? member.organisationId : '',
      expertise: [...(member.expertise ?? [])],
      contact: member.contact ?? '',
      brings: member.brings ?? '',
      seeks: member.seeks ?? '',
    },
    validate: useZodValidate(ProfileInputSchema, MAXIMA),
  });
  const organisationOptions = [{ value: BY_NAME, label: t('people.organisationByName', { name: member.organisationName }) }, ...people.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))];

  const submit = form.onSubmit((values) => {
    const fields = ProfileInputSchema.parse(values);
    void run(async () => {
      updateOwnProfile(doc, member.memberId, fields);
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('people.profileSaved') });
      onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('people.editProfileTitle')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('people.editProfileIntro')}</Text>
          <Select
            label={t('people.workspaceOrganisation')}
            description={t('people.workspaceOrganisationHint')}
            data={organisationOptions}
            allowDeselect={false}
            {...form.getInputProps('organisationId')}
            value={form.values.organisationId || BY_NAME}
            onChange={(value) => form.setFieldValue('organisationId', value === BY_NAME || value === null ? '' : value)}
          />
          <TagsInput label={t('people.expertise')} description={t('people.expertiseHint', { max: PROFILE_LIMITS.expertiseTags })} maxTags={PROFILE_LIMITS.expertiseTags} clearable {...form.getInputProps('expertise')} />
          <TextInput label={t('people.contact')} description={t('people.contactHint')} {...form.getInputProps('contact')} />
          <Textarea label={t('people.brings')} autosize minRows={2} maxRows={8} {...form.getInputProps('brings')} />
          <Textarea label={t('people.seeks')} autosize minRows={2} maxRows={8} {...form.getInputProps('seeks')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('people.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
