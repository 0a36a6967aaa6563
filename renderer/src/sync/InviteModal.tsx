import { Alert, Button, Center, CopyButton, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { encodeInvite } from '../../../shared/invite/invite-code';
import { useDatabase } from '../app/database-context';
import { host } from '../host';
import type { Identity } from '../storage/identity-store';
import { ensureWorkspaceAccess } from '../storage/workspace-access-store';

/** Invites carry at most this many of the inviter's addresses; a laptop rarely has more. */
const MAX_INVITE_HUBS = 8;

/** How long an invite admits someone: a few days, enough to get round to it after a session, short enough that a forwarded mail goes stale. */
export const INVITE_VALID_MS = 3 * 24 * 60 * 60 * 1000;

type InviteState = { status: 'making' } | { status: 'ready'; code: string; reachable: boolean } | { status: 'failed'; problem: string };

export function InviteModal({ workspace, identity, onClose }: { workspace: WorkspaceRecord; identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [state, setState] = useState<InviteState>({ status: 'making' });

  useEffect(() => {
    let live = true;
    (async () => {
      const [access, hub] = await Promise.all([ensureWorkspaceAccess(db, workspace.id), host.sync.localHub()]);
      const code = await encodeInvite(
        {
          v: 1,
          inviteId: crypto.randomUUID(),
          workspaceId: workspace.id,
          regionId: workspace.regionId,
          workspaceName: workspace.name,
          key: access.key,
          hubs: hub.reachableAt.slice(0, MAX_INVITE_HUBS),
          inviter: {
            memberId: identity.memberId,
            displayName: identity.profile.displayName,
            organisationName: identity.profile.organisationName,
            publicKey: identity.publicKeyB64,
          },
          createdAt: Date.now(),
          expiresAt: Date.now() + INVITE_VALID_MS,
          ...(access.founderKey ? { founderKey: access.founderKey } : {}),
        },
        identity.privateKey,
      );
      if (live) setState({ status: 'ready', code, reachable: hub.reachableAt.length > 0 });
    })().catch((error: unknown) => {
      console.error('Invite could not be made', error);
      if (live) setState({ status: 'failed', problem: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [db, workspace, identity]);

  return (
    <Modal opened onClose={onClose} title={t('sync.inviteTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('sync.inviteIntro')}</Text>
        {state.status === 'making' && <Loader aria-label={t('sync.inviteTitle')} />}
        {state.status === 'failed' && (
          <Alert color="red" role="alert">
            {t('sync.inviteFailed', { problem: state.problem })}
          </Alert>
        )}
        {state.status === 'ready' && (
          <>
            {!state.reachable && <Alert color="yellow">{t('sync.inviteNoAddress')}</Alert>}
            <Textarea label={t('sync.inviteCode')} value={state.code} readOnly autosize minRows={3} maxRows={6} styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }} data-testid="invite-code" />
            <CopyButton value={state.code}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : undefined} w="fit-content">
                  {copied ? t('sync.copied') : t('sync.copy')}
                </Button>
              )}
            </CopyButton>
            <Center>
              <QRCodeSVG value={state.code} size={240} level="L" marginSize={2} role="img" aria-label={t('sync.inviteQr')} title={t('sync.inviteQr')} />
            </Center>
          </>
        )}
      </Stack>
    </Modal>
  );
}
