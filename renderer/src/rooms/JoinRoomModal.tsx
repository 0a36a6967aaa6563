import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { decodeRoomInvite, RoomInviteError, type RoomInvitePayload } from '../../../shared/rooms/room-invite';
import { useDatabase } from '../app/database-context';
import { host } from '../host';
import { useStorageAction } from '../hooks/useStorageAction';
import { joinRoomFromInvite, RoomJoinError } from '../storage/room-store';
import { useWorkspace } from '../workspace/workspace-context';

/** Paste a room code; a bad code is explained at the field and creates or changes nothing. */
export function JoinRoomModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { record, identity } = useWorkspace();
  const { run, busy } = useStorageAction();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async () => {
    setChecking(true);
    let invite: RoomInvitePayload;
    try {
      invite = await decodeRoomInvite(code);
    } catch (problem) {
      setError(problem instanceof RoomInviteError ? t(`rooms.joinError.${problem.problem}`) : t('rooms.joinError.invalid'));
      return;
    } finally {
      setChecking(false);
    }
    let roomId = '';
    const ok = await run(async () => {
      try {
        roomId = (await joinRoomFromInvite(db, invite, { memberId: identity.memberId, workspaceId: record.id })).roomId;
      } catch (problem) {
        if (!(problem instanceof RoomJoinError)) throw problem;
        setError(t(`rooms.joinError.${problem.problem}`));
      }
    });
    if (!ok || !roomId) return;
    host.sync.addPeerHubs(invite.hubs).catch((problem: unknown) => console.error("Could not hand the inviter's hubs to the host", problem));
    notifications.show({ message: t('rooms.joined', { name: invite.roomTitle }) });
    onClose();
    navigate(`/kamers/${roomId}`);
  };

  return (
    <Modal opened onClose={onClose} title={t('rooms.joinTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('rooms.joinIntro')}</Text>
          <Textarea
            label={t('rooms.joinCode')}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('rooms.cancel')}
            </Button>
            <Button type="submit" loading={busy || checking}>
              {t('rooms.joinSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
