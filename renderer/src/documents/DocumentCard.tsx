import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconDeviceFloppy, IconExternalLink, IconHistory, IconLock, IconMessage, IconPencil, IconTrash, IconUpload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { currentVersion, type LibraryDocument, type Sensitivity } from '../../../shared/workspace-doc/documents';
import { CommentThread } from '../comments/CommentThread';
import { useFileState } from '../files/useFileState';
import { formatByteSize } from '../i18n/format-bytes';
import { typeLabel } from './format';
import { FileStatus } from '../files/FileStatus';
import type { LibraryPeople } from './useLibraryPeople';
import { formatDate } from '../i18n/format-date';

const LABEL_COLOURS: Record<Sensitivity, string> = { openbaar: 'green', intern: 'blue', vertrouwelijk: 'red' };

export type DocumentAction = 'view' | 'open' | 'save' | 'newVersion' | 'history' | 'edit' | 'remove';

interface DocumentCardProps {
  readonly doc: Y.Doc;
  readonly document: LibraryDocument;
  readonly people: LibraryPeople;
  readonly commentCount: number;
  /** Hidden in a plain browser, which has no system app to hand a file to. */
  readonly canOpenWithSystem: boolean;
  readonly exporting: boolean;
  readonly onAction: (action: DocumentAction) => void;
}

export function DocumentCard({ doc, document, people, commentCount, canOpenWithSystem, exporting, onAction }: DocumentCardProps) {
  const { t, i18n } = useTranslation();
  const [showComments, setShowComments] = useState(false);
  const commentsId = useId();
  const version = currentVersion(document);
  // Viewing and exporting need the bytes here, complete and verified.
  const here = useFileState(version.hash, version.size).local === 'complete';
  const locale = i18n.resolvedLanguage;
  const added = formatDate(document.createdAt, 'moment', locale);

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={document.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {document.title}
          </Title>
          <Badge color={LABEL_COLOURS[document.sensitivity]} variant="light" leftSection={document.sensitivity === 'vertrouwelijk' ? <IconLock size={12} aria-hidden /> : undefined} style={{ flexShrink: 0 }}>
            {t(`documents.sensitivity.${document.sensitivity}`)}
          </Badge>
        </Group>
        {document.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {document.description}
          </Text>
        )}
        {document.tags.length > 0 && (
          <Group gap={4} role="list" aria-label={t('documents.tags')}>
            {document.tags.map((tag) => (
              <Badge key={tag} variant="outline" size="sm" role="listitem" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm">
          {people.organisationName(document.organisationId) ?? t('documents.unknownOrganisation')} · {t('documents.fileInfo', { fileName: version.fileName, type: typeLabel(version.type, version.fileName), size: formatByteSize(version.size, locale) })} ·{' '}
          {t('documents.versions', { count: document.versions.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('documents.addedBy', { name: people.memberName(document.createdBy) ?? t('documents.unknownMember'), date: added })}
        </Text>
        <FileStatus hash={version.hash} size={version.size} title={document.title} />
        <Group gap="xs" role="group" aria-label={t('documents.actions', { title: document.title })}>
          <Button size="xs" leftSection={<IconEye size={14} aria-hidden />} disabled={!here} onClick={() => onAction('view')}>
            {t('documents.view')}
          </Button>
          {canOpenWithSystem && (
            <Button size="xs" variant="default" leftSection={<IconExternalLink size={14} aria-hidden />} disabled={!here || exporting} onClick={() => onAction('open')} title={t('documents.openHint')}>
              {t('documents.open')}
            </Button>
          )}
          <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} aria-hidden />} disabled={!here} loading={exporting} onClick={() => onAction('save')} title={t('documents.saveHint')}>
            {t('documents.save')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconUpload size={14} aria-hidden />} onClick={() => onAction('newVersion')}>
            {t('documents.newVersion')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => onAction('history')}>
            {t('documents.history')}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onAction('edit')}>
            {t('documents.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onAction('remove')}>
            {t('documents.remove')}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconMessage size={14} aria-hidden />} aria-expanded={showComments} aria-controls={commentsId} onClick={() => setShowComments((shown) => !shown)}>
            {t('documents.comments', { count: commentCount })}
          </Button>
        </Group>
        <div id={commentsId} hidden={!showComments}>
          {showComments && <CommentThread doc={doc} target={{ kind: 'document', id: document.id }} />}
        </div>
      </Stack>
    </Paper>
  );
}
