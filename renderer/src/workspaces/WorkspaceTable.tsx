import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';
import type { ReadResult } from '../../../shared/workspace-doc/read-result';
import { regionName, workspaceLabel } from './workspace-label';
import { dateFormatter } from '../i18n/format-date';

export type WorkspaceAction = { kind: 'rename'; workspace: WorkspaceRecord } | { kind: 'delete'; id: string; label: string; damaged: boolean };

export function WorkspaceTable({ workspaces, onAction }: { workspaces: ReadResult<WorkspaceRecord>[]; onAction: (action: WorkspaceAction) => void }) {
  const { t, i18n } = useTranslation();
  const dateFormat = dateFormatter('moment', i18n.resolvedLanguage);
  const [, navigate] = useLocation();
  // The whole row opens its workspace for the mouse; the keyboard has the row's own Openen link.
  const openFromRow = (id: string) => (event: React.MouseEvent) => {
    if ((event.target as Element).closest('a, button, input')) return;
    navigate(`/w/${id}`);
  };
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label={t('workspaces.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('workspaces.region')}</Table.Th>
          <Table.Th scope="col">{t('workspaces.name')}</Table.Th>
          <Table.Th scope="col">{t('workspaces.lastOpened')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('workspaces.open')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {workspaces.map((entry) =>
          entry.ok ? (
            <Table.Tr key={entry.id} onClick={openFromRow(entry.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>{regionName(entry.value.regionId)}</Table.Td>
              <Table.Td>{entry.value.name || <Text c="dimmed" span>{t('workspaces.unnamed')}</Text>}</Table.Td>
              <Table.Td>{dateFormat.format(entry.value.lastOpenedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button component={Link} href={`/w/${entry.id}`} size="xs" aria-label={t('workspaces.openNamed', { name: workspaceLabel(entry.value) })}>
                    {t('workspaces.open')}
                  </Button>
                  <Tooltip label={t('workspaces.rename')}>
                    <ActionIcon variant="subtle" aria-label={t('workspaces.renameNamed', { name: workspaceLabel(entry.value) })} onClick={() => onAction({ kind: 'rename', workspace: entry.value })}>
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('workspaces.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('workspaces.deleteNamed', { name: workspaceLabel(entry.value) })}
                      onClick={() => onAction({ kind: 'delete', id: entry.id, label: workspaceLabel(entry.value), damaged: false })}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ) : (
            <Table.Tr key={entry.id} data-damaged>
              <Table.Td colSpan={3}>
                <Group gap="xs">
                  <Badge color="orange">{t('workspaces.damaged')}</Badge>
                  <Text size="sm">{t('workspaces.damagedHint', { problem: entry.problem })}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <ActionIcon variant="subtle" color="red" aria-label={t('workspaces.deleteNamed', { name: entry.id })} onClick={() => onAction({ kind: 'delete', id: entry.id, label: entry.id, damaged: true })}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}
