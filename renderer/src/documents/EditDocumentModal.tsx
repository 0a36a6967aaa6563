import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { updateDocumentFields, type DocumentFields, type LibraryDocument, type LibraryScope } from '../../../shared/workspace-doc/documents';
import { DocumentFieldInputs, sensitivitiesFor, toFields, useDocumentFormValidate, type DocumentFormValues } from './DocumentFieldInputs';
import { useLibraryPeople } from './useLibraryPeople';
import { errorText } from '../i18n/error-text';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

function saveFields(doc: Y.Doc, scope: LibraryScope, id: string, fields: DocumentFields): void {
  updateDocumentFields(doc, scope, id, fields, Date.now());
}

export function EditDocumentModal({ doc, scope, document, onClose }: { doc: Y.Doc; scope: LibraryScope; document: LibraryDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const people = useLibraryPeople(doc, scope);
  const [problem, setProblem] = useState<string | undefined>();
  const form = useForm<DocumentFormValues>({
    initialValues: {
      title: document.title,
      description: document.description,
      tags: document.tags.join(', '),
      organisationId: document.organisationId,
      // A label this library does not offer cannot be here (the reader refuses it), but fall back safely.
      sensitivity: sensitivitiesFor(scope).includes(document.sensitivity) ? document.sensitivity : 'intern',
    },
    validate: useDocumentFormValidate(),
  });
  const submit = form.onSubmit((values) => {
    try {
      const fields = toFields(values);
      saveFields(doc, scope, document.id, fields);
      notifications.show({ message: t('documents.saved', { title: fields.title }) });
      onClose();
    } catch (error) {
      setProblem(errorText(t, error) ?? t('documents.errors.other', { message: errorDetail(error) }));
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('documents.editTitle')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <DocumentFieldInputs form={form} scope={scope} organisations={people.organisations} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('documents.cancel')}
            </Button>
            <Button type="submit">{t('documents.saveChanges')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
