import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { decodeInvite, InviteCodeError } from '../../../shared/invite/invite-code';
import { findRegion } from '../../../shared/regions';
import { useDatabase } from '../app/database-context';
import { host } from '../host';
import { useStorageAction } from '../hooks/useStorageAction';
import type { Identity } from '../storage/identity-store';
import { joinFromInvite, WorkspaceKeyMismatchError } from '../storage/workspace-access-store';

/** Paste an invite code; a bad code is explained at the field and creates nothing. */
export function JoinWorkspaceModal({ identity, onClose }: { identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { run, busy } = useStorageAction();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async () => {
    setChecking(true);
    let invite;
    try {
      invite = await decodeInvite(code);
    } catch (problem) {
      setError(problem instanceof InviteCodeError ? t(`sync.joinError.${problem.problem}`) : t('sync.joinError.invalid'));
      return;
    } finally {
      setChecking(false);
    }
    let joinedId = '';
    const ok = await run(async () => {
      try {
        joinedId = (await joinFromInvite(db, invite, identity)).workspaceId;
      } catch (problem) {
        if (problem instanceof WorkspaceKeyMismatchError) {
          setError(t('sync.joinError.keyMismatch'));
          joinedId = '';
          return;
        }
        throw problem;
      }
    });
    if (!ok || !joinedId) return;
    host.sync.addPeerHubs(invite.hubs).catch((problem: unknown) => console.error('Could not hand the inviter\'s hubs to the host', problem));
    notifications.show({ message: t('sync.joined', { name: invite.workspaceName || findRegion(invite.regionId)?.name || invite.regionId }) });
    onClose();
    navigate(`/w/${joinedId}`);
  };

  return (
    <Modal opened onClose={onClose} title={t('sync.joinTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('sync.joinIntro')}</Text>
          <Textarea
            label={t('sync.joinCode')}
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
              {t('sync.cancel')}
            </Button>
            <Button type="submit" loading={busy || checking}>
              {t('sync.joinSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
