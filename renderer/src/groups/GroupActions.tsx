import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import type { Member } from '../../../shared/workspace-doc/members';
import { mayChangeGroup, removeActionAs, setActionDoneAs } from '../../../shared/workspace-doc/working-group-permissions';
import type { WorkingGroup } from '../../../shared/workspace-doc/working-groups';
import { useWorkspace } from '../contexts/workspace-context';
import { ActionFormModal } from './ActionFormModal';
import { actionRows, type ActionRow } from './groups-view';
import { useLocalDay } from './useLocalDay';
import { stamp, useGuardedWrite } from './useGuardedWrite';
import { formatCalendarDay, formatDate } from '../i18n/format-date';

interface GroupActionsProps {
  readonly group: WorkingGroup;
  readonly members: readonly Member[];
  readonly organisations: readonly Organisation[];
  readonly isWorkspaceMember: boolean;
}

function ActionItem({ group, row, ownerName, canEdit, canTick }: { group: WorkingGroup; row: ActionRow; ownerName: string; canEdit: boolean; canTick: boolean }) {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write } = useGuardedWrite();
  const { action } = row;
  const by = () => stamp(identity.memberId);
  return (
    <Paper component="li" withBorder p="xs" bd={row.overdue ? '2px solid var(--mantine-color-red-8)' : undefined} data-testid="group-action">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Checkbox
            label={<span style={{ textDecoration: action.done ? 'line-through' : undefined }}>{action.title}</span>}
            aria-label={t('groups.doneNamed', { title: action.title })}
            checked={action.done}
            disabled={!canTick}
            onChange={(event) => {
              const done = event.currentTarget.checked;
              void write(() => setActionDoneAs(doc, group.id, action.id, done, by()));
            }}
          />
          <Group gap="xs" pl={30}>
            <Text size="sm">{t('groups.ownerIs', { name: ownerName })}</Text>
            <Text size="sm" c="dimmed">
              ·
            </Text>
            <Text size="sm">{action.done && action.doneAt !== undefined ? t('groups.doneOn', { date: formatDate(action.doneAt, 'day', i18n.resolvedLanguage) }) : t('groups.dueOn', { date: formatCalendarDay(action.due, i18n.resolvedLanguage) })}</Text>
            {row.overdue && (
              <>
                <Badge color="red.8" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                  {t('groups.overdue')}
                </Badge>
                <Text size="sm" fw={700} c="red.9">
                  {t('groups.overdueDays', { count: row.daysOverdue })}
                </Text>
              </>
            )}
          </Group>
        </Stack>
        {canEdit && (
          <Button size="compact-xs" variant="subtle" color="red" c="red.9" leftSection={<IconTrash size={12} aria-hidden />} aria-label={t('groups.removeActionNamed', { title: action.title })} onClick={() => void write(() => removeActionAs(doc, group.id, action.id, identity.memberId))}>
            {t('groups.removeAction')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The group's actions, open ones by due day first, overdue ones marked in words and not only in colour. */
export function GroupActions({ group, members, organisations, isWorkspaceMember }: GroupActionsProps) {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const today = useLocalDay();
  const [adding, setAdding] = useState(false);
  const actor = { memberId: identity.memberId, isWorkspaceMember };
  const canEdit = mayChangeGroup(group, { kind: 'edit' }, actor);
  const nameOf = (memberId: string) => members.find((member) => member.memberId === memberId)?.displayName ?? t('groups.unknownMember');
  const headingId = `group-actions-${group.id}`;
  const rows = actionRows(group.actions, today);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4" id={headingId}>
          {t('groups.actionsHeading')}
        </Title>
        {canEdit && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('groups.addAction')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groups.noActions')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <ActionItem key={row.action.id} group={group} row={row} ownerName={nameOf(row.action.ownerMemberId)} canEdit={canEdit} canTick={mayChangeGroup(group, { kind: 'actionDone', ownerMemberId: row.action.ownerMemberId }, actor)} />
          ))}
        </Stack>
      )}
      {adding && <ActionFormModal group={group} members={members} organisations={organisations} onClose={() => setAdding(false)} />}
      </Stack>
    </Paper>
  );
}
