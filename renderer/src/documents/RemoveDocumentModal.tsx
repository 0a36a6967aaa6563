import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { removeCommentsOn } from '../../../shared/workspace-doc/comments';
import { removeDocument, type LibraryDocument } from '../../../shared/workspace-doc/documents';

export function RemoveDocumentModal({ doc, document, onClose }: { doc: Y.Doc; document: LibraryDocument; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('documents.removeTitle')}>
      <Stack>
        <Text>{t('documents.removeBody', { title: document.title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('documents.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              doc.transact(() => {
                removeDocument(doc, document.id);
                removeCommentsOn(doc, { kind: 'document', id: document.id });
              });
              notifications.show({ message: t('documents.removed', { title: document.title }) });
              onClose();
            }}
          >
            {t('documents.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
