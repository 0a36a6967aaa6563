import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { useStorageAction } from '../hooks/useStorageAction';
import { deleteWorkspace, summariseWorkspace } from '../storage/workspace-store';

/** Confirmation that names the workspace and what is lost with it. */
export function DeleteWorkspaceModal({ workspaceId, label, damaged, onClose }: { workspaceId: string; label: string; damaged: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    if (damaged) return;
    let live = true;
    void summariseWorkspace(db, workspaceId).then((summary) => live && setCount(summary?.organisations ?? 0));
    return () => {
      live = false;
    };
  }, [db, workspaceId, damaged]);

  const confirm = () =>
    void run(() => deleteWorkspace(db, workspaceId)).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('workspaces.deleted', { name: label }) });
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={t('workspaces.deleteTitle')}>
      <Stack>
        <Text>{damaged ? t('workspaces.deleteBodyDamaged', { name: label }) : t('workspaces.deleteBody', { name: label, count: count ?? 0 })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('workspaces.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={busy} disabled={!damaged && count === null}>
            {t('workspaces.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
