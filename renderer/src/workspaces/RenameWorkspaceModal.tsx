import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain/limits';
import { WorkspaceRenameSchema, type WorkspaceRecord } from '../../../shared/domain/workspace';
import { useDatabase } from '../contexts/database-context';
import { useZodValidate } from '../hooks/useZodValidate';
import { useStorageAction } from '../hooks/useStorageAction';
import { renameWorkspace } from '../storage/workspace-store';

const MAXIMA = { name: LIMITS.workspaceName };

export function RenameWorkspaceModal({ workspace, onClose }: { workspace: WorkspaceRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
  const validate = useZodValidate(WorkspaceRenameSchema, MAXIMA);
  const form = useForm({ initialValues: { name: workspace.name }, validate });
  const submit = form.onSubmit((values) => {
    const { name } = WorkspaceRenameSchema.parse(values);
    void run(() => renameWorkspace(db, workspace.id, name)).then((ok) => ok && onClose());
  });
  return (
    <Modal opened onClose={onClose} title={t('workspaces.renameTitle')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('workspaces.name')} data-autofocus {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('workspaces.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('workspaces.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
