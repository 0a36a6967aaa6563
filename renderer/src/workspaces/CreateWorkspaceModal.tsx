import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { LIMITS } from '../../../shared/domain/limits';
import { WorkspaceInputSchema, type WorkspaceInput } from '../../../shared/domain/workspace';
import { regions } from '../../../shared/regions';
import { useDatabase } from '../contexts/database-context';
import { useZodValidate } from '../hooks/useZodValidate';
import { useStorageAction } from '../hooks/useStorageAction';
import type { Identity } from '../storage/identity-store';
import { createWorkspace } from '../storage/workspace-store';

const REGION_OPTIONS = regions.map((region) => ({ value: region.id, label: region.name }));
const MAXIMA = { name: LIMITS.workspaceName };

export function CreateWorkspaceModal({ opened, identity, onClose }: { opened: boolean; identity: Identity; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { run, busy } = useStorageAction();
  const validate = useZodValidate(WorkspaceInputSchema, MAXIMA);
  const form = useForm<WorkspaceInput>({ initialValues: { regionId: '', name: '' }, validate });

  const submit = form.onSubmit((values) => {
    const input = WorkspaceInputSchema.parse(values);
    let id = '';
    void run(async () => {
      id = await createWorkspace(db, input, identity.publicKeyB64);
    }).then((ok) => {
      if (!ok) return;
      form.reset();
      onClose();
      navigate(`/w/${id}`);
    });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('workspaces.create')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          <Select
            label={t('workspaces.region')}
            placeholder={t('workspaces.regionPlaceholder')}
            data={REGION_OPTIONS}
            searchable
            required
            data-autofocus
            nothingFoundMessage="—"
            {...form.getInputProps('regionId')}
            onChange={(value) => form.setFieldValue('regionId', value ?? '')}
          />
          <TextInput label={t('workspaces.name')} placeholder={t('workspaces.namePlaceholder')} {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('workspaces.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('workspaces.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
