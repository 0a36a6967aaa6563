import { Alert, Button, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { CodeField } from '../components/CodeField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { canInviteToRoom, recordInvitation, type RoomMeta } from '../../../shared/rooms/room-doc';
import { encodeRoomInvite } from '../../../shared/rooms/room-invite';
import { useDatabase } from '../contexts/database-context';
import { host } from '../host';
import { useOrganisationsAndMembers } from '../read-model/records';
import { loadRoomAccess } from '../storage/room-store';
import { useWorkspace } from '../contexts/workspace-context';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/** Invites carry at most this many of the inviter's addresses, as workspace invites do. */
const MAX_INVITE_HUBS = 8;

type CodeState = { status: 'idle' } | { status: 'making' } | { status: 'ready'; code: string; name: string } | { status: 'failed'; problem: string };

/** Pick a member of a participating organisation and get the room code to hand to them. */
export function RoomInviteModal({ roomId, roomDoc, meta, onClose }: { roomId: string; roomDoc: Y.Doc; meta: RoomMeta; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { identity, record } = useWorkspace();
  const workspace = useOrganisationsAndMembers();
  const [invitee, setInvitee] = useState<string | null>(null);
  const [state, setState] = useState<CodeState>({ status: 'idle' });
  const candidates = [...workspace.members.values()].filter((member) => member.memberId !== identity.memberId && canInviteToRoom(member, meta, workspace.organisations));
  const options = candidates.map((member) => ({ value: member.memberId, label: `${member.displayName} (${member.organisationName})` }));

  const make = async () => {
    const member = candidates.find((candidate) => candidate.memberId === invitee);
    if (!member) return;
    setState({ status: 'making' });
    try {
      const [access, hub] = await Promise.all([loadRoomAccess(db, roomId), host.sync.localHub()]);
      recordInvitation(roomDoc, member, workspace.organisations, { memberId: identity.memberId, now: Date.now() });
      const code = await encodeRoomInvite(
        {
          v: 1,
          inviteId: crypto.randomUUID(),
          workspaceId: record.id,
          roomId,
          roomTitle: meta.title,
          key: access.key,
          hubs: hub.reachableAt.slice(0, MAX_INVITE_HUBS),
          invitee: member.memberId,
          inviter: { memberId: identity.memberId, displayName: identity.profile.displayName, publicKey: identity.publicKeyB64 },
          createdAt: Date.now(),
        },
        identity.privateKey,
      );
      setState({ status: 'ready', code, name: member.displayName });
    } catch (error) {
      console.error('Room code could not be made', error);
      setState({ status: 'failed', problem: errorDetail(error) });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('rooms.inviteTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('rooms.inviteIntro')}</Text>
        {options.length === 0 ? (
          <Alert color="blue">{t('rooms.inviteeNone')}</Alert>
        ) : (
          <>
            <Select
              label={t('rooms.invitee')}
              data={options}
              value={invitee}
              onChange={(value) => {
                setInvitee(value);
                setState({ status: 'idle' });
              }}
              allowDeselect={false}
              data-autofocus
            />
            <Button w="fit-content" disabled={!invitee} loading={state.status === 'making'} onClick={() => void make()}>
              {t('rooms.makeCode')}
            </Button>
          </>
        )}
        {state.status === 'making' && <Loader size="sm" aria-label={t('rooms.makeCode')} />}
        {state.status === 'failed' && (
          <Alert color="red" role="alert">
            {t('rooms.inviteFailed', { problem: state.problem })}
          </Alert>
        )}
        {state.status === 'ready' && (
          <>
            <CodeField label={t('rooms.code', { name: state.name })} value={state.code} testId="room-invite-code" />
          </>
        )}
      </Stack>
    </Modal>
  );
}
