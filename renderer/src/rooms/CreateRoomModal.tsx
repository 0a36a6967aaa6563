import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ROOM_LIMITS } from '../../../shared/rooms/room-doc';
import { useDatabase } from '../contexts/database-context';
import { useStorageAction } from '../hooks/useStorageAction';
import { OrganisationChoice } from '../organisations/OrganisationChoice';
import { editableOrganisationId } from '../interests/interests-view';
import { useOrganisationsAndMembers } from '../read-model/records';
import { createRoom } from '../storage/room-store';
import { useWorkspace } from '../contexts/workspace-context';

/** Opens a room for a chosen subset of the workspace's organisations; the creator's own organisation is ticked to start with. */
export function CreateRoomModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { record, identity } = useWorkspace();
  const snapshot = useOrganisationsAndMembers();
  const own = editableOrganisationId(snapshot, identity.memberId);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>(own ? [own] : []);
  const [errors, setErrors] = useState<{ title?: string; organisations?: string }>({});
  const { run, busy } = useStorageAction();

  const submit = async () => {
    const trimmed = title.trim();
    const valid = snapshot.organisations.filter((organisation) => chosen.includes(organisation.id)).map((organisation) => organisation.id);
    const problems = {
      title: trimmed === '' ? t('rooms.required') : trimmed.length > ROOM_LIMITS.title ? t('rooms.tooLong', { max: ROOM_LIMITS.title }) : undefined,
      organisations: valid.length === 0 ? t('rooms.organisationsRequired') : undefined,
    };
    setErrors(problems);
    if (problems.title || problems.organisations) return;
    let roomId = '';
    const ok = await run(async () => {
      roomId = await createRoom(db, { workspaceId: record.id, title: trimmed, organisationIds: valid, createdBy: identity.memberId });
    });
    if (!ok) return;
    notifications.show({ message: t('rooms.created', { name: trimmed }) });
    onClose();
    navigate(`/kamers/${roomId}`);
  };

  return (
    <Modal opened onClose={onClose} title={t('rooms.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label={t('rooms.name')} placeholder={t('rooms.namePlaceholder')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} data-autofocus />
          {snapshot.organisations.length === 0 ? (
            <Text c="dimmed">{t('rooms.noOrganisations')}</Text>
          ) : (
            <OrganisationChoice
              label={t('rooms.organisations')}
              description={t('rooms.organisationsHint')}
              organisations={snapshot.organisations}
              value={chosen}
              onChange={setChosen}
              error={errors.organisations}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('rooms.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('rooms.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
