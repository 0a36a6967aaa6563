import { Button, Checkbox, Code, Group, List, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HubAddressError, HubUrlSchema, normaliseHubAddress } from '../../../shared/sync/hub-address';
import { useDatabase } from '../contexts/database-context';
import { host } from '../host';
import { useStorageAction } from '../hooks/useStorageAction';
import { saveSyncSettings, type SyncSettings } from '../storage/sync-settings-store';
import { hasTurnServer, parseIceLine } from '../../../shared/sync/ice-server';
import { addPeerHubs } from '../storage/workspace-access-store';
import { MeshPeersSection } from './MeshPeersSection';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { pageErrorText } from '../i18n/error-text';

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Who is connected in the room; adds partners' hub addresses by hand and edits the internet servers (extra signaling, STUN/TURN). */
export function ConnectionsModal({
  workspaceId,
  settings,
  sync,
  membership,
  onClose,
}: {
  workspaceId: string;
  settings: SyncSettings;
  sync: WorkspaceSync | undefined;
  membership: WorkspaceMembership | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
  const access = useLiveQuery(() => db.workspaceAccess.get(workspaceId), [db, workspaceId]);
  const [ownAddresses, setOwnAddresses] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [signalingText, setSignalingText] = useState(settings.extraSignaling.join('\n'));
  const [iceText, setIceText] = useState(settings.iceServers.map((server) => [server.urls, server.username, server.credential].filter(Boolean).join(' ')).join('\n'));
  const [signalingError, setSignalingError] = useState<string | null>(null);
  const [iceError, setIceError] = useState<string | null>(null);
  const [relayOnly, setRelayOnly] = useState(settings.relayOnly);

  useEffect(() => {
    host.sync.localHub().then(
      (hub) => setOwnAddresses(hub.reachableAt),
      (error: unknown) => console.error('Local hub unavailable', error),
    );
  }, []);

  const addAddress = async () => {
    let url: string;
    try {
      url = normaliseHubAddress(address);
    } catch (error) {
      if (error instanceof HubAddressError) {
        setAddressError(pageErrorText(t, error));
        return;
      }
      throw error;
    }
    const ok = await run(async () => {
      await addPeerHubs(db, workspaceId, [url]);
      await host.sync.addPeerHubs([url]);
    });
    if (!ok) return;
    setAddress('');
    notifications.show({ message: t('sync.peerAddressAdded', { address: url }) });
  };

  const save = async () => {
    const signaling = lines(signalingText);
    const badSignaling = signaling.filter((line) => !HubUrlSchema.safeParse(line).success);
    // "turn:host:3478 user secret": the address, then a TURN username and password (shared/sync/ice-server.ts).
    const parsed = lines(iceText).map(parseIceLine);
    const ice = parsed.flatMap((line) => (line.ok ? [line.server] : []));
    const badIce = parsed.flatMap((line) => (line.ok ? [] : [t('sync.invalidIceLine', { line: line.line.trim(), reason: t(`sync.iceProblem.${line.problem}`) })]));
    setSignalingError(badSignaling.length ? t('sync.invalidLines', { lines: badSignaling.join(', ') }) : null);
    // Relay only with no TURN server would never connect: said here rather than found out later.
    const relayWithoutTurn = relayOnly && !hasTurnServer(ice);
    setIceError(badIce.length ? badIce.join(' ') : relayWithoutTurn ? t('sync.relayOnlyNeedsTurn') : null);
    if (badSignaling.length || badIce.length || relayWithoutTurn) return;
    const ok = await run(() => saveSyncSettings(db, { ...settings, extraSignaling: signaling, iceServers: ice, relayOnly }));
    if (!ok) return;
    notifications.show({ message: t('sync.saved') });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('sync.connectionsTitle')} size="lg">
      <Stack>
        {sync && <MeshPeersSection sync={sync} membership={membership} />}
        <Title order={3} size="h5">
          {t('sync.ownAddresses')}
        </Title>
        <List size="sm">
          {ownAddresses.map((own) => (
            <List.Item key={own}>
              <Code>{own}</Code>
            </List.Item>
          ))}
        </List>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void addAddress();
          }}
        >
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('sync.peerAddress')}
              description={t('sync.peerAddressHint')}
              value={address}
              onChange={(event) => {
                setAddress(event.currentTarget.value);
                setAddressError(null);
              }}
              error={addressError}
            />
            <Button type="submit" loading={busy}>
              {t('sync.peerAddressAdd')}
            </Button>
          </Group>
        </form>
        {access && access.peerHubs.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('sync.knownPeers')}
            </Text>
            <List size="sm">
              {access.peerHubs.map((hub) => (
                <List.Item key={hub}>
                  <Code>{hub}</Code>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Textarea label={t('sync.extraSignaling')} description={t('sync.extraSignalingHint')} value={signalingText} onChange={(event) => setSignalingText(event.currentTarget.value)} error={signalingError} autosize minRows={2} />
        <Textarea label={t('sync.iceServers')} description={t('sync.iceServersHint')} value={iceText} onChange={(event) => setIceText(event.currentTarget.value)} error={iceError} autosize minRows={2} />
        <Checkbox label={t('sync.relayOnly')} description={t('sync.relayOnlyHint')} checked={relayOnly} onChange={(event) => setRelayOnly(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sync.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('sync.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
