import { SectionHeading } from '../components/SectionHeading';
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATES, type IdeaState } from '../../../shared/workspace-doc/idea-status';
import { groupIdsOf, type IdeaActor } from '../../../shared/workspace-doc/idea-permissions';
import type { Idea } from '../../../shared/workspace-doc/ideas';
import { WindowedList } from '../components/WindowedList';
import { useWorkspace } from '../contexts/workspace-context';
import { IdeaCard } from './IdeaCard';
import { IdeaFormModal } from './IdeaFormModal';
import { ideaRows, NO_FILTER, tagsInUse, visibleIdeas, type IdeaFilter, type IdeaSort } from './ideas-view';
import { useIdeasSnapshot } from './useIdeasSnapshot';

const ALL = '__all__';

/** Ideeën: post, vote, discuss and move ideas towards a working group. */
export function IdeasPanel() {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const snapshot = useIdeasSnapshot();
  const [sort, setSort] = useState<IdeaSort>('votes');
  const [filter, setFilter] = useState<IdeaFilter>(NO_FILTER);
  const [editing, setEditing] = useState<Idea | 'new' | null>(null);
  const headingId = 'ideas-heading';

  const { rows, damaged, tags, actor } = useMemo(() => {
    const ideas = snapshot.ideas.flatMap((result) => (result.ok ? [result.value] : []));
    const memberIds = new Set(snapshot.members.map((member) => member.memberId));
    const self: IdeaActor = { memberId: identity.memberId, isWorkspaceMember: memberIds.has(identity.memberId), groupIds: groupIdsOf(snapshot.groups, identity.memberId) };
    return {
      rows: ideaRows(ideas, memberIds, identity.memberId),
      damaged: snapshot.ideas.flatMap((result) => (result.ok ? [] : [result])),
      tags: tagsInUse(ideas),
      actor: self,
    };
  }, [snapshot, identity.memberId]);
  const shown = visibleIdeas(rows, sort, filter);

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('ideas.title')} intro={t('ideas.intro')}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} disabled={!actor.isWorkspaceMember}>
          {t('ideas.new')}
        </Button>
      </SectionHeading>
      {!actor.isWorkspaceMember && <Alert color="blue">{t('ideas.notMember')}</Alert>}
      {rows.length > 0 && (
        <Group gap="sm" align="flex-end">
          <Select
            label={t('ideas.sort')}
            data={[
              { value: 'votes', label: t('ideas.sortVotes') },
              { value: 'newest', label: t('ideas.sortNewest') },
            ]}
            value={sort}
            allowDeselect={false}
            onChange={(value) => setSort(value === 'newest' ? 'newest' : 'votes')}
            w={180}
          />
          <Select
            label={t('ideas.filterStatus')}
            data={[{ value: ALL, label: t('ideas.allStatuses') }, ...IDEA_STATES.map((state) => ({ value: state, label: t(`ideas.status.${state}`) }))]}
            value={filter.status === 'all' ? ALL : filter.status}
            allowDeselect={false}
            onChange={(value) => setFilter((current) => ({ ...current, status: value === null || value === ALL ? 'all' : (value as IdeaState) }))}
            w={220}
          />
          {tags.length > 0 && (
            <Select
              label={t('ideas.filterTag')}
              data={[{ value: ALL, label: t('ideas.allTags') }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
              value={filter.tag === '' ? ALL : filter.tag}
              allowDeselect={false}
              searchable
              onChange={(value) => setFilter((current) => ({ ...current, tag: value === null || value === ALL ? '' : value }))}
              w={200}
            />
          )}
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('ideas.shown', { count: shown.length })}
          </Text>
        </Group>
      )}
      {damaged.map((result) => (
        <Alert key={result.id} color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('ideas.damaged', { problem: result.problem })}
        </Alert>
      ))}
      {rows.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('ideas.empty')}</Text>
        </Paper>
      )}
      {rows.length > 0 && shown.length === 0 && <Text c="dimmed">{t('ideas.noneMatch')}</Text>}
      {shown.length > 0 && (
        <WindowedList
          items={shown}
          itemKey={(row) => row.idea.id}
          renderItem={(row) => <IdeaCard row={row} snapshot={snapshot} actor={actor} onEdit={() => setEditing(row.idea)} />}
          estimateHeight={200}
          gap={16}
          aria-label={t('ideas.listLabel')}
        />
      )}
      {editing && <IdeaFormModal idea={editing === 'new' ? undefined : editing} goals={snapshot.goals} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
