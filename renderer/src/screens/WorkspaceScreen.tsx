import { Alert, Anchor, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isNewerSchema, readMeta } from '../../../shared/workspace-doc/meta';
import { useDatabase } from '../contexts/database-context';
import { useAutomaticBackups } from '../backup/useAutomaticBackups';
import { WorkspaceMenu } from '../backup/WorkspaceMenu';
import { useWorkspaceDoc, type WorkspaceDocState } from '../hooks/useWorkspaceDoc';
import { DialogSuspense, lazyNamed } from '../components/lazy-screen';
import { SyncBar } from '../sync/SyncBar';
import { BackgroundRoomSyncs } from '../rooms/BackgroundRoomSyncs';
import { RoomSyncContext, RoomSyncRegistry } from '../rooms/room-syncs';
import { useWorkspaceSync } from '../sync/useWorkspaceSync';
import { useWorkspaceMembership } from '../membership/useWorkspaceMembership';
import { useKeyRotation } from '../membership/useKeyRotation';
import { workspaceKeySource } from '../membership/key-sources';
import { FileTransferProvider } from '../files/FileTransferProvider';
import { markWorkspaceOpened } from '../storage/workspace-store';
import type { Identity } from '../storage/identity-store';
import { recordVisit } from '../storage/visit-store';
import { recordStoreOf } from '../../../shared/read-model/record-store';
import { RecordStoreContext } from '../read-model/records';
import { PersistenceGuard } from './PersistenceGuard';
import { WorkspaceContext } from '../contexts/workspace-context';
import { preloadSection, WorkspaceLayout, WorkspaceSections } from './WorkspaceSections';
import { useOwnMembership } from '../membership/useOwnMembership';
import { regionName } from '../workspaces/workspace-label';

// The invite (with its QR code) and the connections view load when opened.
const InviteModal = lazyNamed(() => import('../sync/InviteModal'), 'InviteModal');
const ConnectionsModal = lazyNamed(() => import('../sync/ConnectionsModal'), 'ConnectionsModal');

export function WorkspaceScreen({ id, identity }: { id: string; identity: Identity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const state = useWorkspaceDoc(id);
  const [location] = useLocation();
  // The section's code loads while the document does, not after it.
  useEffect(() => preloadSection(location), [location]);

  useEffect(() => {
    markWorkspaceOpened(db, id).catch((error: unknown) => console.warn('Could not record last-opened time', error));
  }, [db, id]);

  const back = (
    <Anchor component={Link} href="~/" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('workspaces.back')}
    </Anchor>
  );

  if (state.status === 'loading') {
    return (
      <Container size="md">
        <Loader aria-label={t('workspaces.loading')} />
      </Container>
    );
  }
  if (state.status !== 'ready') {
    return (
      <Container size="md">
        <Stack>
          {back}
          <Alert color="orange" role="alert">
            {state.status === 'missing' ? t('workspaces.notFound') : t('workspaces.docDamaged', { problem: state.problem })}
          </Alert>
        </Stack>
      </Container>
    );
  }

  return <LoadedWorkspace state={state} identity={identity} back={back} />;
}

type Dialog = 'invite' | 'connections' | null;

function LoadedWorkspace({ state, identity, back }: { state: Extract<WorkspaceDocState, { status: 'ready' }>; identity: Identity; back: ReactNode }) {
  const { t } = useTranslation();
  const { record, doc, provider } = state;
  const membership = useWorkspaceMembership(doc, record.id, identity);
  const sync = useWorkspaceSync(doc, record.id, identity, membership);
  const keySource = useMemo(() => (membership ? workspaceKeySource(membership, record.id) : undefined), [membership, record.id]);
  const keyProblem = useKeyRotation(keySource, record.id, sync.settings);
  useOwnMembership(doc, identity);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const meta = readMeta(doc);
  const db = useDatabase();
  const [previousVisitAt, setPreviousVisitAt] = useState<number>();
  useEffect(() => {
    recordVisit(db, record.id)
      .then(setPreviousVisitAt)
      .catch((error: unknown) => console.warn('Could not record this visit', error));
  }, [db, record.id]);
  const context = useMemo(() => ({ record, doc, identity, sync, membership, previousVisitAt }), [record, doc, identity, sync, membership, previousVisitAt]);
  const [roomSyncs] = useState(() => new RoomSyncRegistry());
  const records = recordStoreOf(doc);
  useEffect(() => () => records.destroy(), [records]);
  useAutomaticBackups(db, record.id, identity.profile.displayName, sync.instance, roomSyncs);
  return (
    <Container size="xl">
      <Stack gap="lg">
        {back}
        <WorkspaceLayout>
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1}>{record.name || regionName(record.regionId)}</Title>
                {record.name && <Text c="dimmed">{regionName(record.regionId)}</Text>}
              </div>
              <WorkspaceMenu workspace={record} exportedBy={identity.profile.displayName} sync={sync.instance} rooms={roomSyncs} />
            </Group>
            <SyncBar sync={sync} keyProblem={keyProblem} onInvite={() => setDialog('invite')} onConnections={() => setDialog('connections')} />
            <DialogSuspense>
              {dialog === 'invite' && <InviteModal workspace={record} identity={identity} membership={membership} onClose={close} />}
              {dialog === 'connections' && sync.settings && <ConnectionsModal workspaceId={record.id} settings={sync.settings} sync={sync.instance} membership={membership} onClose={close} />}
            </DialogSuspense>
            <PersistenceGuard provider={provider} doc={doc} workspaceId={record.id} />
            {meta.ok && isNewerSchema(meta.meta) && <Alert color="yellow">{t('workspaces.newerVersion')}</Alert>}
            <WorkspaceContext.Provider value={context}>
              <RecordStoreContext.Provider value={records}>
              <RoomSyncContext.Provider value={roomSyncs}>
                <BackgroundRoomSyncs workspaceId={record.id} identity={identity} membership={membership} />
                <FileTransferProvider doc={doc} scope="workspace" sync={sync.instance}>
                  <WorkspaceSections />
                </FileTransferProvider>
              </RoomSyncContext.Provider>
              </RecordStoreContext.Provider>
            </WorkspaceContext.Provider>
          </Stack>
        </WorkspaceLayout>
      </Stack>
    </Container>
  );
}
