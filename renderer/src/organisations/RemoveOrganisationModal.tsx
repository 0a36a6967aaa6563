import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { removeOrganisation } from '../../../shared/workspace-doc/organisations';

export function RemoveOrganisationModal({ doc, organisation, onClose }: { doc: Y.Doc; organisation: Organisation; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('organisations.removeTitle')}>
      <Stack>
        <Text>{t('organisations.removeBody', { name: organisation.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('organisations.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              removeOrganisation(doc, organisation.id);
              onClose();
            }}
          >
            {t('organisations.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
