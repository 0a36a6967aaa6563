import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory, IconPlus, IconSearch } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { commentRecords, countByTarget } from '../../../shared/workspace-doc/comments';
import { currentVersion, libraryRecords, type DocumentVersion, type LibraryDocument, type LibraryScope, type Sensitivity } from '../../../shared/workspace-doc/documents';
import { FileSettingsButton } from '../files/FileSettingsButton';
import { useCollection, useOrderedRecords } from '../read-model/records';
import { AddDocumentModal } from './AddDocumentModal';
import { DocumentCard, type DocumentAction } from './DocumentCard';
import { sensitivitiesFor } from './DocumentFieldInputs';
import { EditDocumentModal } from './EditDocumentModal';
import { allTags, filterDocuments, NO_FILTER, type LibraryFilter } from './library-filter';
import { PreviewModal } from './PreviewModal';
import { RemoveDocumentModal } from './RemoveDocumentModal';
import { useFileExport, useHostKind } from './useFileExport';
import { useLibraryPeople } from './useLibraryPeople';
import { VersionHistoryModal } from './VersionHistoryModal';

export interface DocumentLibraryProps {
  /** The workspace's document, or a confidential room's. */
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
}

type Dialog =
  | { kind: 'add' }
  | { kind: 'newVersion'; document: LibraryDocument }
  | { kind: 'edit'; document: LibraryDocument }
  | { kind: 'remove'; document: LibraryDocument }
  | { kind: 'history'; document: LibraryDocument }
  | { kind: 'preview'; document: LibraryDocument; version: DocumentVersion }
  | null;

/** The document library of the workspace (scope 'workspace') or of a confidential room (scope 'room'). */
export function DocumentLibrary({ doc, scope }: DocumentLibraryProps) {
  const { t } = useTranslation();
  // From the read model of the library's own document (the workspace's or the room's).
  const results = useOrderedRecords(libraryRecords(scope), doc);
  const commentResults = useCollection(commentRecords, doc);
  const comments = useMemo(() => countByTarget(commentResults.list, 'document'), [commentResults]);
  const people = useLibraryPeople(doc, scope);
  const hostKind = useHostKind();
  const exporter = useFileExport();
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<Dialog>(null);
  const headingId = useId();
  const close = () => setDialog(null);

  const valid = useMemo(() => results.flatMap((result) => (result.ok ? [result.value] : [])), [results]);
  const damaged = results.flatMap((result) => (result.ok ? [] : [result]));
  const shown = useMemo(() => filterDocuments(valid, filter), [valid, filter]);
  const tags = useMemo(() => allTags(valid), [valid]);
  const filtering = filter !== NO_FILTER && (filter.text !== '' || filter.tag !== null || filter.organisationId !== null || filter.sensitivity !== null);

  const act = (document: LibraryDocument, action: DocumentAction) => {
    const version = currentVersion(document);
    if (action === 'view') setDialog({ kind: 'preview', document, version });
    else if (action === 'save' || action === 'open') void exporter.run(action, version);
    else setDialog({ kind: action, document });
  };
  // Dialogs hold a snapshot; re-find the document so an edit from a partner shows while it is open.
  const live = (document: LibraryDocument) => valid.find((candidate) => candidate.id === document.id) ?? document;

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} id={headingId}>
            {t('documents.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.count', { count: valid.length })} · {t('documents.intro')}
          </Text>
        </div>
        <Group gap="xs">
          {scope === 'workspace' && (
            <Button component={Link} href="/geschiedenis?soort=documents" variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
              {t('documents.deletedAndHistory')}
            </Button>
          )}
          <FileSettingsButton />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
            {t('documents.add')}
          </Button>
        </Group>
      </Group>

      {valid.length > 0 && (
        <Group gap="sm" align="flex-end" role="search" aria-label={t('documents.filters')}>
          <TextInput
            label={t('documents.search')}
            placeholder={t('documents.searchPlaceholder')}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
            style={{ flex: '1 1 14rem' }}
          />
          <Select label={t('documents.filterTag')} placeholder={t('documents.filterAll')} data={tags} value={filter.tag} clearable searchable onChange={(tag) => setFilter({ ...filter, tag })} />
          <Select
            label={t('documents.filterOrganisation')}
            placeholder={t('documents.filterAll')}
            data={people.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
            value={filter.organisationId}
            clearable
            searchable
            onChange={(organisationId) => setFilter({ ...filter, organisationId })}
          />
          <Select
            label={t('documents.filterSensitivity')}
            placeholder={t('documents.filterAll')}
            data={sensitivitiesFor(scope).map((label) => ({ value: label, label: t(`documents.sensitivity.${label}`) }))}
            value={filter.sensitivity}
            clearable
            onChange={(value) => setFilter({ ...filter, sensitivity: value as Sensitivity | null })}
          />
        </Group>
      )}

      {damaged.map((entry) => (
        <Alert key={entry.id} color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('documents.damaged')} data-testid="damaged-document">
          {t('documents.damagedBody', { problem: entry.problem })}
        </Alert>
      ))}
      {valid.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('documents.empty')}</Text>
        </Paper>
      )}
      {valid.length > 0 && shown.length === 0 && <Text c="dimmed">{t('documents.noMatch')}</Text>}
      {filtering && <Text size="sm" c="dimmed" aria-live="polite">{t('documents.count', { count: shown.length })}</Text>}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {shown.map((document) => (
          <DocumentCard
            key={document.id}
            doc={doc}
            document={document}
            people={people}
            commentCount={comments.get(document.id) ?? 0}
            canOpenWithSystem={hostKind === 'electron'}
            exporting={exporter.busy === currentVersion(document).hash}
            onAction={(action) => act(document, action)}
          />
        ))}
      </SimpleGrid>

      {dialog?.kind === 'add' && <AddDocumentModal doc={doc} scope={scope} onClose={close} />}
      {dialog?.kind === 'newVersion' && <AddDocumentModal doc={doc} scope={scope} versionOf={live(dialog.document)} onClose={close} />}
      {dialog?.kind === 'edit' && <EditDocumentModal doc={doc} scope={scope} document={live(dialog.document)} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveDocumentModal doc={doc} document={dialog.document} onClose={close} />}
      {dialog?.kind === 'history' && (
        <VersionHistoryModal
          document={live(dialog.document)}
          memberName={people.memberName}
          onView={(version) => setDialog({ kind: 'preview', document: dialog.document, version })}
          onSave={(version) => void exporter.run('save', version)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'preview' && <PreviewModal title={dialog.document.title} version={dialog.version} onSave={() => void exporter.run('save', dialog.version)} onClose={close} />}
    </Stack>
  );
}
