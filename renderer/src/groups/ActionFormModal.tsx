import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import type { Member } from '../../../shared/workspace-doc/members';
import { addActionAs } from '../../../shared/workspace-doc/working-group-permissions';
import { ActionInputSchema, WORKING_GROUP_LIMITS, type ActionInput, type WorkingGroup } from '../../../shared/workspace-doc/working-groups';
import { useZodValidate } from '../hooks/useZodValidate';
import { useWorkspace } from '../contexts/workspace-context';
import { ownerOptions } from './groups-view';
import { stamp, useGuardedWrite } from './useGuardedWrite';

const MAXIMA = { title: WORKING_GROUP_LIMITS.actionTitle };

/** "Actie toevoegen": what, who, by when. The due day is a native date field (a calendar day, no time). */
export function ActionFormModal({ group, members, organisations, onClose }: { group: WorkingGroup; members: readonly Member[]; organisations: readonly Organisation[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write, busy } = useGuardedWrite();
  const validate = useZodValidate(ActionInputSchema, MAXIMA);
  const form = useForm<ActionInput>({
    initialValues: { title: '', ownerMemberId: identity.memberId, due: '' },
    validate: (values) => {
      const errors = validate(values);
      // The schema's generic "choose from the list" does not fit a date.
      if (errors.due) errors.due = t('groups.dueRequired');
      return errors;
    },
  });
  const owners = ownerOptions(group, members, organisations).map((entry) => ({ group: entry.group === 'members' ? t('groups.ownerGroupMembers') : t('groups.ownerOthers'), items: entry.items }));

  const submit = form.onSubmit((values) => {
    void write(() => {
      addActionAs(doc, group.id, values, stamp(identity.memberId));
    }).then((ok) => {
      if (ok) onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('groups.addAction')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('groups.actionFields.title')} required data-autofocus {...form.getInputProps('title')} />
          <Select label={t('groups.actionFields.owner')} data={owners} searchable allowDeselect={false} required {...form.getInputProps('ownerMemberId')} onChange={(value) => form.setFieldValue('ownerMemberId', value ?? '')} />
          <TextInput type="date" label={t('groups.actionFields.due')} required {...form.getInputProps('due')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('groups.addAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
