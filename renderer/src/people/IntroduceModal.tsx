import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { addIntroduction, INTRODUCTION_LIMITS, IntroductionInputSchema, type IntroductionInput } from '../../../shared/workspace-doc/introductions';
import { useStorageAction } from '../hooks/useStorageAction';
import { useZodValidate } from '../hooks/useZodValidate';
import { useWorkspace } from '../contexts/workspace-context';
import type { People } from './usePeople';

const MAXIMA = { note: INTRODUCTION_LIMITS.note };

/** Introduce two people to each other, or a person to an organisation, with a short note. */
export function IntroduceModal({ people, initial, onClose }: { people: People; initial?: Partial<IntroductionInput>; onClose: () => void }) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { run, busy } = useStorageAction();
  const form = useForm<IntroductionInput>({
    initialValues: { kind: 'members', a: '', b: '', note: '', ...initial },
    validate: useZodValidate(IntroductionInputSchema, MAXIMA),
  });
  const { kind, a } = form.values;
  // One introduces two others; oneself is not among the choices.
  const others = people.members.filter((member) => member.memberId !== identity.memberId);
  const personOption = (member: (typeof others)[number]) => ({ value: member.memberId, label: `${member.displayName} (${member.organisationName})` });
  const bOptions = kind === 'members' ? others.filter((member) => member.memberId !== a).map(personOption) : people.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }));

  const submit = form.onSubmit((values) => {
    const fields = IntroductionInputSchema.parse(values);
    void run(async () => {
      addIntroduction(doc, fields, { memberId: identity.memberId, now: Date.now() });
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('people.introduceSaved') });
      onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('people.introduceTitle')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('people.introduceIntro')}</Text>
          <Radio.Group
            label={t('people.introduceKind')}
            value={kind}
            onChange={(value) => {
              form.setFieldValue('kind', value as IntroductionInput['kind']);
              form.setFieldValue('b', '');
            }}
          >
            <Group mt="xs">
              <Radio value="members" label={t('people.introduceKindMembers')} />
              <Radio value="organisation" label={t('people.introduceKindOrganisation')} />
            </Group>
          </Radio.Group>
          <Select
            label={t('people.introduceA')}
            data={others.map(personOption)}
            searchable
            required
            nothingFoundMessage={t('people.nobodyFound')}
            {...form.getInputProps('a')}
            onChange={(value) => {
              form.setFieldValue('a', value ?? '');
              if (value === form.values.b) form.setFieldValue('b', '');
            }}
          />
          <Select
            label={kind === 'members' ? t('people.introduceBMember') : t('people.introduceBOrganisation')}
            data={bOptions}
            searchable
            required
            nothingFoundMessage={t('people.nobodyFound')}
            {...form.getInputProps('b')}
            onChange={(value) => form.setFieldValue('b', value ?? '')}
          />
          <Textarea label={t('people.introduceNote')} description={t('people.introduceNoteHint')} required autosize minRows={3} maxRows={8} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('people.introduceSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
