import { Anchor, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ActivityEvent } from '../../../shared/activity/activity';
import { OnboardingChecklistCard } from '../dashboard/OnboardingChecklistCard';
import { useWorkspace } from '../contexts/workspace-context';
import { useActivity, type ActivityView } from './useActivity';
import { useMemberList } from '../membership/useMemberList';
import { dateFormatter } from '../i18n/format-date';

/** Where an event leads, relative to the workspace. */
function linkOf(event: ActivityEvent): string {
  switch (event.kind) {
    case 'memberJoined':
    case 'memberRemoved':
      return `/mensen/${encodeURIComponent(event.memberId)}`;
    case 'organisationAdded':
    case 'organisationUpdated':
      return `/organisaties/${encodeURIComponent(event.organisationId)}`;
    case 'documentAdded':
    case 'documentVersion':
      return '/documenten';
    case 'introduction':
      return '/mensen';
    case 'interestsUpdated':
      return '/belangen';
    case 'comment':
      return event.target.kind === 'interest' ? '/belangen' : event.target.kind === 'idea' ? '/ideeen' : '/documenten';
  }
}

function useEventText(view: ActivityView) {
  const { t } = useTranslation();
  const someone = t('activity.someone');
  const member = (id: string | undefined) => (id === undefined ? someone : (view.memberName(id) ?? someone));
  const organisation = (id: string) => view.organisationName(id) ?? t('activity.unknownOrganisation');
  const document = (id: string) => view.documentTitle(id) ?? t('activity.unknownDocument');
  return (event: ActivityEvent): string => {
    switch (event.kind) {
      case 'memberJoined':
        return event.invitedBy ? t('activity.memberJoinedInvited', { name: member(event.memberId), by: member(event.invitedBy) }) : t('activity.memberJoined', { name: member(event.memberId) });
      case 'memberRemoved':
        return t('activity.memberRemoved', { name: member(event.memberId), by: member(event.by) });
      case 'organisationAdded':
        return t('activity.organisationAdded', { name: member(event.by), organisation: organisation(event.organisationId) });
      case 'organisationUpdated':
        return t('activity.organisationUpdated', { organisation: organisation(event.organisationId) });
      case 'documentAdded':
        return t('activity.documentAdded', { name: member(event.by), document: document(event.documentId) });
      case 'documentVersion':
        return t('activity.documentVersion', { name: member(event.by), document: document(event.documentId), version: event.version });
      case 'introduction':
        return t('activity.introduction', { name: member(event.by), a: member(event.a), b: event.toOrganisation ? organisation(event.b) : member(event.b) });
      case 'interestsUpdated':
        return t('activity.interestsUpdated', { name: member(event.by), organisation: organisation(event.organisationId) });
      case 'comment':
        return t('activity.comment', { name: member(event.by) });
    }
  };
}

/** The workspace's landing section: what the others changed since this user's last visit. */
export function ActivityPanel() {
  const { t, i18n } = useTranslation();
  const { identity, previousVisitAt, membership } = useWorkspace();
  const list = useMemberList(membership);
  const view = useActivity(previousVisitAt, identity.memberId, list?.removed);
  const textOf = useEventText(view);
  const dateFormat = dateFormatter('moment', i18n.resolvedLanguage);
  const headingId = 'activity-heading';
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} id={headingId}>
            {t('activity.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {previousVisitAt === undefined ? t('activity.firstVisit') : t('activity.since', { date: dateFormat.format(previousVisitAt) })}
          </Text>
        </div>
        <Button component={Link} href="/geschiedenis" variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
          {t('history.open')}
        </Button>
      </Group>
      <OnboardingChecklistCard />
      {view.events.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{previousVisitAt === undefined ? t('activity.emptyFirst') : t('activity.empty')}</Text>
        </Paper>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} aria-label={t('activity.listLabel')} component="ol">
          {view.events.map((event, index) => (
            <Timeline.Item key={`${event.kind}-${event.at}-${index}`} component="li">
              <Anchor component={Link} href={linkOf(event)}>
                {textOf(event)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {dateFormat.format(event.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
