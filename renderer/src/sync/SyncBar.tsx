import type { KeyRotationProblem } from '../membership/useKeyRotation';
import { Alert, Avatar, Badge, Button, Group, Paper, Switch, Text, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { initials } from '../components/initials';
import { syncStatusText } from './sync-status-text';
import { useSyncField, type SyncViewStore } from './sync-view';
import type { WorkspaceSyncState } from './useWorkspaceSync';

const MAX_AVATARS = 6;

/** Who is here: re-renders on a presence change only, not on the status or a caret. */
function PresenceAvatars({ view }: { view: SyncViewStore }) {
  const { t } = useTranslation();
  const present = useSyncField(view, 'present');
  if (present.length === 0) {
    return (
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {t('sync.presentNobody')}
      </Text>
    );
  }
  return (
    // Side by side, not stacked: stacked avatars covered each other's initials.
    <Group gap={4} wrap="nowrap" role="list" aria-label={t('sync.presentLabel')} style={{ flexShrink: 0 }}>
      {present.slice(0, MAX_AVATARS).map((user) => {
        const label = t('sync.presentMember', { name: user.displayName, organisation: user.organisationName });
        return (
          <Tooltip key={user.memberId} label={label} withArrow>
            <Avatar color="teal" variant="filled" radius="xl" role="listitem" aria-label={label}>
              {initials(user.displayName)}
            </Avatar>
          </Tooltip>
        );
      })}
      {present.length > MAX_AVATARS && (
        <Avatar radius="xl" role="listitem" aria-label={present.slice(MAX_AVATARS).map((user) => t('sync.presentMember', { name: user.displayName, organisation: user.organisationName })).join('; ')}>
          +{present.length - MAX_AVATARS}
        </Avatar>
      )}
    </Group>
  );
}

/** Sync status, who is here now, the offline switch, and the invite and connection actions. */
export function SyncBar({ sync, keyProblem, onInvite, onConnections }: { sync: WorkspaceSyncState; keyProblem?: KeyRotationProblem | undefined; onInvite: () => void; onConnections: () => void }) {
  const { t } = useTranslation();
  const syncStatus = useSyncField(sync.view, 'status');
  const refusedInvite = useSyncField(sync.view, 'refusedInvite');
  const status = syncStatusText(t, syncStatus);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('sync.statusLabel')}>
      {/* One row whatever the status says: a longer status is cut short (the full text stays in the status for screen readers and in its title), so the tabs below never jump while someone clicks them. */}
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Group gap="md" wrap="nowrap" miw={0}>
          {/* The dot carries the colour; the text stays dark so it reads at any status (WCAG AA). */}
          <Badge color={status.color} variant="dot" size="lg" tt="none" miw={0} role="status" title={status.text} data-testid="sync-status" data-kind={syncStatus.kind}>
            {status.text}
          </Badge>
          <PresenceAvatars view={sync.view} />
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Tooltip label={t('sync.workOfflineHint')} multiline w={260}>
            <Switch label={t('sync.workOffline')} checked={sync.settings?.workOffline ?? false} disabled={!sync.settings} onChange={(event) => sync.setWorkOffline(event.currentTarget.checked)} />
          </Tooltip>
          <Button variant="default" size="xs" leftSection={<IconPlugConnected size={16} aria-hidden />} onClick={onConnections}>
            {t('sync.connections')}
          </Button>
          <Button size="xs" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onInvite}>
            {t('sync.invite')}
          </Button>
        </Group>
      </Group>
      {refusedInvite && (
        <Alert color="orange" role="alert" mt="sm">
          {refusedInvite === 'removed' ? t('sync.refusedRemoved') : t('sync.refusedInvite', { reason: t(`sync.refusal.${refusedInvite}`) })}
        </Alert>
      )}
      {keyProblem && (
        <Alert color="orange" role="alert" mt="sm">
          {t(`sync.keyProblem.${keyProblem}`)}
        </Alert>
      )}
    </Paper>
  );
}
