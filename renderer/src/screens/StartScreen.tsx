import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { OrphanedBackups } from '../backup/OrphanedBackups';
import { AppVersion } from '../components/AppVersion';
import { DialogSuspense, lazyNamed } from '../components/lazy-screen';
import { useWorkspaces } from '../hooks/useWorkspaces';
import type { Identity } from '../storage/identity-store';
import { CreateWorkspaceModal } from '../workspaces/CreateWorkspaceModal';
import { DeleteWorkspaceModal } from '../workspaces/DeleteWorkspaceModal';
import { RenameWorkspaceModal } from '../workspaces/RenameWorkspaceModal';

// Joining (the invite's key exchange) and reading a workspace file (age decryption) load when chosen.
const JoinWorkspaceModal = lazyNamed(() => import('../sync/JoinWorkspaceModal'), 'JoinWorkspaceModal');
const ImportWorkspaceModal = lazyNamed(() => import('../backup/ImportWorkspaceModal'), 'ImportWorkspaceModal');
import { WorkspaceTable, type WorkspaceAction } from '../workspaces/WorkspaceTable';

export function StartScreen({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const workspaces = useWorkspaces();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [joining, { open: openJoin, close: closeJoin }] = useDisclosure(false);
  const [importing, { open: openImport, close: closeImport }] = useDisclosure(false);
  const [, navigate] = useLocation();
  const [action, setAction] = useState<WorkspaceAction | null>(null);
  const closeAction = () => setAction(null);
  const firstDevice = identity.personKeyB64 === identity.publicKeyB64;

  return (
    <Container size="md">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('workspaces.title')}</Title>
          <Group gap="sm">
            {/* A linked or restored device cannot found or join a workspace yet: in a workspace its person is not in, nothing proves whose device it is (devices.ts). */}
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={openImport}>
              {t('backup.importFresh')}
            </Button>
            <Button variant="default" leftSection={<IconTicket size={16} aria-hidden />} onClick={openJoin} disabled={!firstDevice} aria-describedby={firstDevice ? undefined : 'first-device-only'}>
              {t('sync.join')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate} disabled={!firstDevice} aria-describedby={firstDevice ? undefined : 'first-device-only'}>
              {t('workspaces.create')}
            </Button>
          </Group>
        </Group>
        {!firstDevice && (
          <Text size="sm" c="dimmed" id="first-device-only">
            {t('devices.createOnFirstDevice')}
          </Text>
        )}
        {workspaces && workspaces.length === 0 && (
          <Paper withBorder p="lg">
            <Text>{t('workspaces.empty')}</Text>
          </Paper>
        )}
        {workspaces && workspaces.length > 0 && <WorkspaceTable workspaces={workspaces} onAction={setAction} />}
        <OrphanedBackups onRestored={(id) => navigate(`/w/${id}`)} />
        <AppVersion />
      </Stack>
      <CreateWorkspaceModal opened={creating} identity={identity} onClose={closeCreate} />
      <DialogSuspense>
        {joining && <JoinWorkspaceModal identity={identity} onClose={closeJoin} />}
        {importing && <ImportWorkspaceModal target={{ kind: 'fresh', onCreated: (id) => navigate(`/w/${id}`) }} onClose={closeImport} />}
      </DialogSuspense>
      {action?.kind === 'rename' && <RenameWorkspaceModal workspace={action.workspace} onClose={closeAction} />}
      {action?.kind === 'delete' && <DeleteWorkspaceModal workspaceId={action.id} label={action.label} damaged={action.damaged} onClose={closeAction} />}
    </Container>
  );
}
