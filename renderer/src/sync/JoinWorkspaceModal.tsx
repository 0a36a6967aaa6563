import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { decodeInvite, InviteCodeError, type InvitePayload } from '../../../shared/invite/invite-code';
import { findRegion } from '../../../shared/regions';
import { useDatabase } from '../contexts/database-context';
import { PasteCodeModal } from '../components/PasteCodeModal';
import { host } from '../host';
import { useStorageAction } from '../hooks/useStorageAction';
import type { Identity } from '../storage/identity-store';
import { joinFromInvite, WorkspaceKeyMismatchError } from '../storage/workspace-access-store';
import { pageErrorText } from '../i18n/error-text';

/** Paste an invite code; a bad code is explained at the field and creates nothing. */
export function JoinWorkspaceModal({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { run, busy } = useStorageAction();

  const submit = async (code: string): Promise<string | undefined> => {
    let invite: InvitePayload;
    try {
      invite = await decodeInvite(code);
    } catch (problem) {
      return (problem instanceof InviteCodeError && pageErrorText(t, problem)) || t('sync.joinError.invalid');
    }
    let joinedId = '';
    let refused: string | undefined;
    const ok = await run(async () => {
      try {
        joinedId = (await joinFromInvite(db, invite, code, identity)).workspaceId;
      } catch (problem) {
        if (!(problem instanceof WorkspaceKeyMismatchError)) throw problem;
        refused = pageErrorText(t, problem);
      }
    });
    if (refused !== undefined || !ok || !joinedId) return refused;
    host.sync.addPeerHubs(invite.hubs).catch((problem: unknown) => console.error('Could not hand the inviter\'s hubs to the host', problem));
    notifications.show({ message: t('sync.joined', { name: invite.workspaceName || findRegion(invite.regionId)?.name || invite.regionId }) });
    onClose();
    navigate(`/w/${joinedId}`);
    return undefined;
  };

  return (
    <PasteCodeModal
      title={t('sync.joinTitle')}
      intro={t('sync.joinIntro')}
      label={t('sync.joinCode')}
      cancelLabel={t('sync.cancel')}
      submitLabel={t('sync.joinSubmit')}
      onSubmit={submit}
      busy={busy}
      onClose={onClose}
    />
  );
}
