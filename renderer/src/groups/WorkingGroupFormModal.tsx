import { Button, Group, Modal, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import type { Member } from '../../../shared/workspace-doc/members';
import { createWorkingGroupAs, updateWorkingGroupAs } from '../../../shared/workspace-doc/working-group-permissions';
import { WORKING_GROUP_LIMITS, WorkingGroupInputSchema, type WorkingGroup, type WorkingGroupInput } from '../../../shared/workspace-doc/working-groups';
import { useZodValidate } from '../hooks/useZodValidate';
import { useWorkspace } from '../contexts/workspace-context';
import { memberLabel } from './groups-view';
import { stamp, useGuardedWrite } from './useGuardedWrite';

const MAXIMA = { name: WORKING_GROUP_LIMITS.name, purpose: WORKING_GROUP_LIMITS.purpose };

interface WorkingGroupFormModalProps {
  /** Absent: start a new group (with members); present: edit its name and purpose. */
  readonly group?: WorkingGroup;
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
  readonly onClose: () => void;
  readonly onCreated?: (groupId: string) => void;
}

/** "Nieuwe werkgroep" (name, purpose, members) or "Werkgroep bewerken" (name, purpose). */
export function WorkingGroupFormModal({ group, members, organisations, onClose, onCreated }: WorkingGroupFormModalProps) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write, busy } = useGuardedWrite();
  const validateFields = useZodValidate(WorkingGroupInputSchema, MAXIMA);
  const form = useForm<WorkingGroupInput & { memberIds: string[] }>({
    initialValues: { name: group?.name ?? '', purpose: group?.purpose ?? '', memberIds: [] },
    validate: (values) => validateFields({ name: values.name, purpose: values.purpose }),
  });
  // The founder is a member anyway; offering them would suggest they could leave themselves out.
  const memberOptions = members.filter((member) => member.memberId !== identity.memberId).map((member) => ({ value: member.memberId, label: memberLabel(member, organisations) }));

  const submit = form.onSubmit((values) => {
    const input = { name: values.name, purpose: values.purpose };
    const by = stamp(identity.memberId);
    let createdId = '';
    void write(() => {
      if (group) updateWorkingGroupAs(doc, group.id, input, by);
      else createdId = createWorkingGroupAs(doc, input, values.memberIds, by);
    }).then((ok) => {
      if (!ok) return;
      if (!group) {
        notifications.show({ message: t('groups.created', { name: values.name.trim() }) });
        onCreated?.(createdId);
      }
      onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={group ? t('groups.editTitle') : t('groups.new')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('groups.fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <Textarea label={t('groups.fields.purpose')} autosize minRows={3} maxRows={10} {...form.getInputProps('purpose')} />
          {!group && <MultiSelect label={t('groups.fields.members')} description={t('groups.fields.membersHint')} data={memberOptions} searchable clearable {...form.getInputProps('memberIds')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('groups.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {group ? t('groups.save') : t('groups.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
