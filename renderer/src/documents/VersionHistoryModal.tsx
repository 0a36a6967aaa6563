import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion, LibraryDocument } from '../../../shared/workspace-doc/documents';
import { useFileState } from '../files/useFileState';
import { formatByteSize } from '../i18n/format-bytes';
import type { LibraryPeople } from './useLibraryPeople';
import { formatDate } from '../i18n/format-date';

type MemberName = LibraryPeople['memberName'];

function VersionRow({ version, number, current, memberName, onView, onSave }: { version: DocumentVersion; number: number; current: boolean; memberName: MemberName; onView: () => void; onSave: () => void }) {
  const { t, i18n } = useTranslation();
  const here = useFileState(version.hash, version.size).local === 'complete';
  const date = formatDate(version.addedAt, 'moment', i18n.resolvedLanguage);
  const label = t('documents.versionLine', { number });
  return (
    <Paper component="li" withBorder p="xs" aria-label={label}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {label}
            </Text>
            {current && (
              <Badge size="xs" variant="light">
                {t('documents.current')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('documents.versionMeta', { date, name: memberName(version.addedBy) ?? t('documents.unknownMember'), size: formatByteSize(version.size, i18n.resolvedLanguage) })}
          </Text>
          <Text size="xs" c="dimmed">
            {version.fileName}
            {!here && ` · ${t('documents.notHere')}`}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" disabled={!here} onClick={onView} aria-label={t('documents.viewVersion', { number })}>
            {t('documents.view')}
          </Button>
          <Button size="xs" variant="default" disabled={!here} onClick={onSave} aria-label={t('documents.saveVersion', { number })}>
            {t('documents.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** Every version of a document, newest first; older ones can be viewed and saved too. */
export function VersionHistoryModal({ document, memberName, onView, onSave, onClose }: { document: LibraryDocument; memberName: MemberName; onView: (version: DocumentVersion) => void; onSave: (version: DocumentVersion) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const numbered = document.versions.map((version, index) => ({ version, number: index + 1 })).reverse();
  return (
    <Modal opened onClose={onClose} title={t('documents.historyTitle', { title: document.title })} size="lg">
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {numbered.map(({ version, number }) => (
          <VersionRow key={`${number}-${version.hash}`} version={version} number={number} current={number === document.versions.length} memberName={memberName} onView={() => onView(version)} onSave={() => onSave(version)} />
        ))}
      </Stack>
    </Modal>
  );
}
