import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { decodeRoomInvite, RoomInviteError, type RoomInvitePayload } from '../../../shared/rooms/room-invite';
import { useDatabase } from '../contexts/database-context';
import { PasteCodeModal } from '../components/PasteCodeModal';
import { host } from '../host';
import { useStorageAction } from '../hooks/useStorageAction';
import { joinRoomFromInvite, RoomJoinError } from '../storage/room-store';
import { useWorkspace } from '../contexts/workspace-context';
import { pageErrorText } from '../i18n/error-text';

/** Paste a room code; a bad code is explained at the field and creates or changes nothing. */
export function JoinRoomModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { record, identity } = useWorkspace();
  const { run, busy } = useStorageAction();

  const submit = async (code: string): Promise<string | undefined> => {
    let invite: RoomInvitePayload;
    try {
      invite = await decodeRoomInvite(code);
    } catch (problem) {
      return (problem instanceof RoomInviteError && pageErrorText(t, problem)) || t('rooms.joinError.invalid');
    }
    let roomId = '';
    let refused: string | undefined;
    const ok = await run(async () => {
      try {
        roomId = (await joinRoomFromInvite(db, invite, { memberId: identity.memberId, workspaceId: record.id })).roomId;
      } catch (problem) {
        if (!(problem instanceof RoomJoinError)) throw problem;
        refused = pageErrorText(t, problem);
      }
    });
    if (refused !== undefined || !ok || !roomId) return refused;
    host.sync.addPeerHubs(invite.hubs).catch((problem: unknown) => console.error("Could not hand the inviter's hubs to the host", problem));
    notifications.show({ message: t('rooms.joined', { name: invite.roomTitle }) });
    onClose();
    navigate(`/kamers/${roomId}`);
    return undefined;
  };

  return (
    <PasteCodeModal
      title={t('rooms.joinTitle')}
      intro={t('rooms.joinIntro')}
      label={t('rooms.joinCode')}
      cancelLabel={t('rooms.cancel')}
      submitLabel={t('rooms.joinSubmit')}
      onSubmit={submit}
      busy={busy}
      onClose={onClose}
    />
  );
}
