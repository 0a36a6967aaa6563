import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addDocument, addVersion, type LibraryDocument, type LibraryScope } from '../../../shared/workspace-doc/documents';
import { useDatabase } from '../contexts/database-context';
import { EmptyFileError, FileTooLargeError, storeLocalFile } from '../files/file-store';
import { loadFileSettings } from '../files/file-settings-store';
import { useWorkspace } from '../contexts/workspace-context';
import { DocumentFieldInputs, toFields, useDocumentFormValidate, type DocumentFormValues } from './DocumentFieldInputs';
import { FileDropzone } from './FileDropzone';
import { titleFromFileName } from './format';
import { storeErrorMessage } from './store-errors';
import { useLibraryPeople } from './useLibraryPeople';

interface AddDocumentModalProps {
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
  /** Set for "Nieuwe versie": only a file is asked for, and it is appended to this document. */
  readonly versionOf?: LibraryDocument;
  readonly onClose: () => void;
}

/**
 * Adds a document (file + metadata) or a new version of one. The file is
 * stored on this device first; only when that succeeded does its metadata
 * enter the shared document. On any failure the dialog stays open with
 * everything typed, and says what went wrong.
 */
export function AddDocumentModal({ doc, scope, versionOf, onClose }: AddDocumentModalProps) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const { identity } = useWorkspace();
  const people = useLibraryPeople(doc, scope);
  const [file, setFile] = useState<File | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [hardLimit, setHardLimit] = useState<number | undefined>();
  const form = useForm<DocumentFormValues>({
    initialValues: { title: '', description: '', tags: '', organisationId: people.defaultOrganisationId ?? '', sensitivity: scope === 'room' ? 'vertrouwelijk' : 'intern' },
    validate: useDocumentFormValidate(),
  });

  useEffect(() => {
    let live = true;
    loadFileSettings(db)
      .then((settings) => live && setHardLimit(settings.hardLimitBytes))
      .catch((error: unknown) => console.warn('File settings could not be read; the store checks the limit itself', error));
    return () => {
      live = false;
    };
  }, [db]);

  // The organisations may arrive after the dialog opened (first sync).
  const { defaultOrganisationId } = people;
  useEffect(() => {
    if (form.values.organisationId === '' && defaultOrganisationId) form.setFieldValue('organisationId', defaultOrganisationId);
  }, [defaultOrganisationId]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the default appears

  const chooseFile = (chosen: File) => {
    // Checked at once, so the user hears about it before filling in the rest; the store checks again.
    if (chosen.size === 0) {
      setProblem(storeErrorMessage(new EmptyFileError(), t, i18n.resolvedLanguage));
      return;
    }
    if (hardLimit !== undefined && chosen.size > hardLimit) {
      setProblem(storeErrorMessage(new FileTooLargeError(hardLimit), t, i18n.resolvedLanguage));
      return;
    }
    setProblem(undefined);
    setFile(chosen);
    if (!versionOf && form.values.title.trim() === '') form.setFieldValue('title', titleFromFileName(chosen.name));
  };

  const busy = progress !== undefined;
  const submit = async () => {
    if (!file) {
      setProblem(t('documents.fileRequired'));
      return;
    }
    if (!versionOf && form.validate().hasErrors) return;
    setProblem(undefined);
    setProgress(0);
    try {
      const settings = await loadFileSettings(db);
      const stored = await storeLocalFile(db, file, { hardLimitBytes: settings.hardLimitBytes, onProgress: (bytes) => setProgress((bytes / file.size) * 100) });
      const version = { hash: stored.hash, size: stored.size, type: stored.type, fileName: stored.fileName, addedAt: Date.now(), addedBy: identity.memberId };
      if (versionOf) {
        addVersion(doc, versionOf.id, version);
        notifications.show({ message: t('documents.versionAdded', { title: versionOf.title }) });
      } else {
        const fields = toFields(form.values);
        addDocument(doc, scope, fields, version);
        notifications.show({ message: t('documents.added', { title: fields.title }) });
      }
      onClose();
    } catch (error) {
      console.error('Adding a document failed', error);
      setProblem(storeErrorMessage(error, t, i18n.resolvedLanguage));
      setProgress(undefined);
    }
  };

  const noOrganisations = !versionOf && people.organisations.length === 0;
  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={versionOf ? t('documents.newVersionTitle', { title: versionOf.title }) : t('documents.addTitle')} size="lg" closeOnClickOutside={!busy}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FileDropzone file={file} onFile={chooseFile} disabled={busy} />
          {problem && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {problem}
            </Alert>
          )}
          {!versionOf && <DocumentFieldInputs form={form} scope={scope} organisations={people.organisations} />}
          {busy && (
            <Stack gap={4}>
              <Text size="sm">{t('documents.storing')}</Text>
              <Progress value={progress} aria-label={t('documents.storeProgress')} />
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('documents.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={noOrganisations}>
              {versionOf ? t('documents.newVersionSubmit') : t('documents.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

