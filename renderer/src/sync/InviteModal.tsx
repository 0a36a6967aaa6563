import { Alert, Button, Center, CopyButton, Group, List, Loader, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import { encodeInvite } from '../../../shared/invite/invite-code';
import { useDatabase } from '../contexts/database-context';
import { host } from '../host';
import type { Identity } from '../storage/identity-store';
import { ensureWorkspaceAccess } from '../storage/workspace-access-store';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { useMemberList } from '../membership/useMemberList';
import { formatDate } from '../i18n/format-date';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/** Invites carry at most this many of the inviter's addresses; a laptop rarely has more. */
const MAX_INVITE_HUBS = 8;

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an invite admits someone, by default: a few days, enough to get round to it after a session, short enough that a forwarded mail goes stale. */
export const DEFAULT_INVITE_DAYS = 3;
/** The choices offered: for tomorrow's session, the default, a week, a month of onboarding. */
const INVITE_DAYS = [1, DEFAULT_INVITE_DAYS, 7, 30] as const;

type InviteState = { status: 'making' } | { status: 'ready'; code: string; inviteId: string; reachable: boolean } | { status: 'failed'; problem: string };

interface InviteModalProps {
  readonly workspace: WorkspaceRecord;
  readonly identity: Identity;
  /** Records each invite made (and taken back) for the members to see; undefined while it loads. */
  readonly membership: WorkspaceMembership | undefined;
  readonly onClose: () => void;
}

/**
 * Makes an invite code for one person, valid for the days chosen, and lists
 * this member's invites still open, each of which can be taken back.
 */
export function InviteModal({ workspace, identity, membership, onClose }: InviteModalProps) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const [state, setState] = useState<InviteState>({ status: 'making' });
  const [days, setDays] = useState<number>(DEFAULT_INVITE_DAYS);
  const list = useMemberList(membership);
  // Invites that expire while the dialog is open still show until it closes; the list is for taking one back.
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    (async () => {
      const [access, hub, rotated] = await Promise.all([ensureWorkspaceAccess(db, workspace.id), host.sync.localHub(), membership?.keys.current().catch(() => null)]);
      const inviteId = crypto.randomUUID();
      const expiresAt = Date.now() + days * DAY_MS;
      const code = await encodeInvite(
        {
          v: 1,
          inviteId,
          workspaceId: workspace.id,
          regionId: workspace.regionId,
          workspaceName: workspace.name,
          // A rotation this device has not moved to yet (it waits ROTATION_SETTLE_MS) is what the invitee must get.
          key: rotated?.key ?? access.key,
          hubs: hub.reachableAt.slice(0, MAX_INVITE_HUBS),
          inviter: {
            memberId: identity.memberId,
            displayName: identity.profile.displayName,
            organisationName: identity.profile.organisationName,
            publicKey: identity.publicKeyB64,
          },
          createdAt: Date.now(),
          expiresAt,
          ...(access.founderKey ? { founderKey: access.founderKey } : {}),
        },
        identity.privateKey,
      );
      if (membership && !membership.open) await membership.issue(inviteId, expiresAt);
      if (live) setState({ status: 'ready', code, inviteId, reachable: hub.reachableAt.length > 0 });
    })().catch((error: unknown) => {
      console.error('Invite could not be made', error);
      if (live) setState({ status: 'failed', problem: errorDetail(error) });
    });
    return () => {
      live = false;
    };
  }, [db, workspace, identity, membership, days]);

  // Invites from before the last key rotation admit nobody any more (shared/membership/key-rotation.ts): not listed as open.
  const [rotatedAt, setRotatedAt] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    membership?.keys
      .rotatedAt()
      .then((at) => live && setRotatedAt(at))
      .catch((error: unknown) => console.error('Could not read the last key rotation', error));
    return () => {
      live = false;
    };
  }, [membership, list]);
  const current = state.status === 'ready' ? state.inviteId : undefined;
  const open = [...(list?.issuedInvites.values() ?? [])]
    .filter((invite) => invite.issuedBy === identity.personKeyB64 && invite.inviteId !== current && !invite.revoked && invite.usedBy === undefined && invite.expiresAt > openedAt && invite.at > (rotatedAt ?? -1))
    .sort((a, b) => b.at - a.at);
  const when = (at: number) => formatDate(at, 'moment', i18n.language);
  const revoke = (inviteId: string) => {
    membership?.revoke(inviteId).catch((error: unknown) => console.error('Invite could not be taken back', error));
  };

  return (
    <Modal opened onClose={onClose} title={t('sync.inviteTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('sync.inviteIntro')}</Text>
        <Select
          label={t('sync.inviteValidFor')}
          data={INVITE_DAYS.map((n) => ({ value: String(n), label: t('sync.inviteDays', { count: n }) }))}
          value={String(days)}
          onChange={(value) => {
            if (!value) return;
            setState({ status: 'making' });
            setDays(Number(value));
          }}
          allowDeselect={false}
          w={220}
        />
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
        {open.length > 0 && (
          <section aria-labelledby="open-invites-title">
            <Title order={3} size="h5" id="open-invites-title">
              {t('sync.openInvites')}
            </Title>
            <List size="sm" mt="xs" data-testid="open-invites">
              {open.map((invite) => (
                <List.Item key={invite.inviteId}>
                  <Group gap="sm">
                    <Text size="sm">{t('sync.openInvite', { made: when(invite.at), until: when(invite.expiresAt) })}</Text>
                    <Button size="compact-xs" variant="default" onClick={() => revoke(invite.inviteId)} aria-label={t('sync.revokeInviteLabel', { made: when(invite.at) })}>
                      {t('sync.revokeInvite')}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          </section>
        )}
      </Stack>
    </Modal>
  );
}
