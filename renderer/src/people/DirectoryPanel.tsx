import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUsersPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryEntries, EMPTY_QUERY, searchDirectory, type DirectoryQuery } from '../../../shared/network/directory';
import { isIntroducedTo, type IntroductionInput } from '../../../shared/workspace-doc/introductions';
import { organisationIdOf } from '../../../shared/workspace-doc/members';
import { WindowedList } from '../components/WindowedList';
import { useWorkspace } from '../contexts/workspace-context';
import { DirectoryFilters } from './DirectoryFilters';
import { IntroduceModal } from './IntroduceModal';
import { IntroductionList } from './IntroductionItem';
import { PersonCard } from './PersonCard';
import { useOnline, usePeople } from './usePeople';

/** "Mensen": who is in this workspace, searchable, who is here now, and who was introduced to me. */
export function DirectoryPanel() {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const people = usePeople();
  const online = useOnline();
  const [query, setQuery] = useState<DirectoryQuery>(EMPTY_QUERY);
  const [introducing, setIntroducing] = useState<Partial<IntroductionInput> | null>(null);
  const entries = useMemo(() => directoryEntries(people.members, people.organisations, online), [people, online]);
  const found = searchDirectory(entries, query);
  const me = people.memberById.get(identity.memberId);
  const myOrganisationId = me ? organisationIdOf(me, people.organisations) : undefined;
  const toMe = people.introductions.filter((intro) => isIntroducedTo(intro, identity.memberId, myOrganisationId));
  const headingId = 'people-heading';
  const toMeHeadingId = 'introduced-to-me-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between">
        <div>
          <Title order={2} id={headingId}>
            {t('people.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('people.count', { count: people.members.length })} · {t('people.onlineCount', { count: entries.filter((entry) => entry.online).length })}
          </Text>
        </div>
        <Button leftSection={<IconUsersPlus size={16} aria-hidden />} onClick={() => setIntroducing({})}>
          {t('people.introduce')}
        </Button>
      </Group>
      {[...people.damagedMembers, ...people.damagedIntroductions].map((entry) => (
        // No Alert title: Mantine draws it in the alert colour, too light on its own background.
        <Alert key={entry.id} color="orange" icon={<IconAlertTriangle aria-hidden />} data-testid="damaged-person">
          <Text fw={600} size="sm" span>
            {t('people.damagedEntry')}.
          </Text>{' '}
          {t('people.damagedEntryBody', { problem: entry.problem })}
        </Alert>
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby={toMeHeadingId} data-testid="introduced-to-me">
        <Title order={3} size="h4" mb="xs" id={toMeHeadingId}>
          {t('people.introducedToMe')}
        </Title>
        {toMe.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.introducedToMeNone')}
          </Text>
        ) : (
          <IntroductionList intros={toMe} people={people} label={t('people.introducedToMe')} />
        )}
      </Paper>
      <DirectoryFilters people={people} query={query} onChange={setQuery} />
      <Text size="sm" role="status">
        {t('people.found', { count: found.length })}
      </Text>
      <WindowedList
        items={found}
        itemKey={(entry) => entry.member.memberId}
        renderItem={(entry) => <PersonCard entry={entry} own={entry.member.memberId === identity.memberId} onIntroduce={() => setIntroducing({ a: entry.member.memberId })} />}
        estimateHeight={120}
        gap={12}
        aria-label={t('people.listLabel')}
      />
      {introducing && <IntroduceModal people={people} initial={introducing} onClose={() => setIntroducing(null)} />}
    </Stack>
  );
}
