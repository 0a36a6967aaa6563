import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDoorExit, IconHistory, IconLock, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { hasRoomMeta, readRoomMembers, readRoomMeta } from '../../../shared/rooms/room-doc';
import { DocumentLibrary } from '../documents/DocumentLibrary';
import { FileTransferProvider } from '../files/FileTransferProvider';
import { useDocValue } from '../hooks/useDocValue';
import { formatMoment } from '../interests/interests-view';
import { useOrganisationsAndMembers } from '../read-model/records';
import { syncStatusText } from '../sync/sync-status-text';
import { useWorkspace } from '../contexts/workspace-context';
import { LeaveRoomModal } from './LeaveRoomModal';
import { RoomInviteModal } from './RoomInviteModal';
import { RoomNotes } from './RoomNotes';
import { useSyncField } from '../sync/sync-view';
import { useRoomSync } from './room-syncs';

type Dialog = 'invite' | 'leave' | null;

/**
 * An open room: synced with the room's other members in the background while
 * its workspace is open (under the room's own id and key, never the
 * workspace's; BackgroundRoomSyncs), with its organisations,
 * members, notes and document library.
 */
export function LoadedRoom({ roomId, titleHint, roomDoc }: { roomId: string; titleHint: string | undefined; roomDoc: Y.Doc }) {
  const { t, i18n } = useTranslation();
  const { identity } = useWorkspace();
  const sync = useRoomSync(roomId);
  const meta = useDocValue(roomDoc, readRoomMeta);
  const arrived = useDocValue(roomDoc, hasRoomMeta);
  const members = useDocValue(roomDoc, readRoomMembers);
  const workspace = useOrganisationsAndMembers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const syncStatus = useSyncField(sync.view, 'status');
  const status = syncStatusText(t, syncStatus);
  const title = meta.ok ? meta.meta.title : (titleHint ?? t('rooms.untitled'));
  const nameOf = (memberId: string) => workspace.members.get(memberId)?.displayName ?? t('rooms.unknownMember');
  const headingId = 'room-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <IconLock size={22} aria-hidden />
            <Title order={2} id={headingId}>
              {title}
            </Title>
          </Group>
          {meta.ok && (
            <Text size="xs" c="dimmed">
              {t('rooms.createdBy', { name: nameOf(meta.meta.createdBy), date: formatMoment(meta.meta.createdAt, i18n.resolvedLanguage) })}
            </Text>
          )}
        </div>
        <Group gap="sm">
          <Badge color={status.color} variant="dot" size="lg" role="status" aria-label={`${t('rooms.syncLabel')}: ${status.text}`} data-testid="room-sync-status" data-kind={syncStatus.kind}>
            {status.text}
          </Badge>
          <Button component={Link} href={`/kamers/${encodeURIComponent(roomId)}/geschiedenis`} size="xs" variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('history.title')}
          </Button>
          <Button size="xs" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog('invite')} disabled={!meta.ok}>
            {t('rooms.invite')}
          </Button>
          <Button size="xs" variant="default" color="red" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => setDialog('leave')}>
            {t('rooms.leave')}
          </Button>
        </Group>
      </Group>
      {sync.keyProblem && (
        <Alert color="orange" role="alert">
          {t('rooms.keyProblem')}
        </Alert>
      )}
      {!arrived && <Alert color="blue">{t('rooms.waiting')}</Alert>}
      {arrived && !meta.ok && <Alert color="orange">{t('rooms.metaDamaged', { problem: meta.problem })}</Alert>}
      {meta.ok && (
        <Group align="flex-start" grow>
          <Paper withBorder p="sm" component="section" aria-labelledby="room-organisations">
            <Title order={3} size="h5" id="room-organisations">
              {t('rooms.organisationsTitle')}
            </Title>
            <List size="sm" mt="xs">
              {meta.meta.organisationIds.map((id) => (
                <List.Item key={id}>{workspace.organisations.find((organisation) => organisation.id === id)?.name ?? t('rooms.unknownOrganisation')}</List.Item>
              ))}
            </List>
          </Paper>
          <Paper withBorder p="sm" component="section" aria-labelledby="room-members">
            <Title order={3} size="h5" id="room-members">
              {t('rooms.membersTitle')}
            </Title>
            <List size="sm" mt="xs" data-testid="room-members">
              {members.map((member) => (
                <List.Item key={member.memberId}>
                  {[nameOf(member.memberId), member.memberId === identity.memberId ? t('rooms.you') : ''].filter(Boolean).join(' ')} — {member.joinedAt !== undefined ? t('rooms.memberJoined') : t('rooms.memberInvited')}
                </List.Item>
              ))}
            </List>
          </Paper>
        </Group>
      )}
      <RoomNotes roomDoc={roomDoc} nameOf={nameOf} memberId={identity.memberId} />
      <section aria-label={t('rooms.documentsTitle')}>
        <FileTransferProvider doc={roomDoc} scope="room" sync={sync.instance}>
          <DocumentLibrary doc={roomDoc} scope="room" />
        </FileTransferProvider>
      </section>
      {dialog === 'invite' && meta.ok && <RoomInviteModal roomId={roomId} roomDoc={roomDoc} meta={meta.meta} onClose={() => setDialog(null)} />}
      {dialog === 'leave' && <LeaveRoomModal roomId={roomId} title={title} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
