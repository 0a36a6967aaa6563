import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconUserMinus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Organisation } from '../../../shared/domain/organisation';
import { stakeholderTypeLabel } from '../../../shared/regions';
import { toOrganisation } from '../../../shared/workspace-doc/introductions';
import { organisationIdOf } from '../../../shared/workspace-doc/members';
import { readOrganisation } from '../../../shared/workspace-doc/organisations';
import { host } from '../host';
import { useWorkspace } from '../contexts/workspace-context';
import { IntroduceModal } from './IntroduceModal';
import { RemoveMemberModal } from '../membership/RemoveMemberModal';
import { useMemberList } from '../membership/useMemberList';
import { IntroductionList } from './IntroductionItem';
import { MemberLink } from './links';
import { useOnline, usePeople, type People } from './usePeople';

function BackToOrganisations() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href="/organisaties" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('people.backToOrganisations')}
    </Anchor>
  );
}

export function OrganisationProfile({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { doc } = useWorkspace();
  const people = usePeople();
  const organisation = people.organisationById.get(organisationId);
  if (!organisation) {
    const result = readOrganisation(doc, organisationId);
    return (
      <Stack>
        <BackToOrganisations />
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {result && !result.ok ? t('people.organisationDamaged', { problem: result.problem }) : t('people.organisationNotFound')}
        </Alert>
      </Stack>
    );
  }
  return <Profile organisation={organisation} people={people} />;
}

function Profile({ organisation, people }: { organisation: Organisation; people: People }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [introducing, setIntroducing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const members = people.members.filter((member) => organisationIdOf(member, people.organisations) === organisation.id);
  const { identity, membership } = useWorkspace();
  const list = useMemberList(membership);
  const removable = list && list.admins.has(identity.personKeyB64) ? members.filter((member) => list.members.has(member.publicKey) && member.publicKey !== identity.personKeyB64) : [];
  const intros = toOrganisation(people.introductions, organisation.id);
  const headingId = 'organisation-profile-heading';
  const membersHeadingId = 'organisation-members-heading';
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <BackToOrganisations />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} id={headingId}>
            {organisation.name}
          </Title>
          <Badge variant="outline" tt="none">
            {stakeholderTypeLabel(organisation.type, i18n.resolvedLanguage ?? 'nl')}
          </Badge>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconUsersPlus size={16} aria-hidden />} onClick={() => setIntroducing(true)}>
            {t('people.introduceToOrganisation')}
          </Button>
          {removable.length > 0 && (
            <Button variant="default" color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={() => setRemoving(true)}>
              {t('people.removeOrganisation', { count: removable.length })}
            </Button>
          )}
        </Group>
      </Group>
      {removing && membership && <RemoveMemberModal membership={membership} members={removable} organisation={organisation.name} onClose={() => setRemoving(false)} />}
      {organisation.description && <Text style={{ whiteSpace: 'pre-line' }}>{organisation.description}</Text>}
      {organisation.website && (
        <Anchor
          href={organisation.website}
          onClick={(event) => {
            event.preventDefault();
            host.shell.openExternal(organisation.website).catch((error: unknown) => console.error('openExternal failed', error));
          }}
        >
          {organisation.website.replace(/^https?:\/\//, '')}
        </Anchor>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby={membersHeadingId}>
        <Title order={3} size="h5" mb="xs" id={membersHeadingId}>
          {t('people.organisationMembers', { count: members.length })}
        </Title>
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.organisationNoMembers')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {members.map((member) => (
              <Group component="li" key={member.memberId} gap="xs">
                <MemberLink memberId={member.memberId} member={member} />
                {member.role && (
                  <Text size="sm" c="dimmed">
                    {member.role}
                  </Text>
                )}
                {online.has(member.memberId) && (
                  <Badge color="teal.9" variant="filled" size="sm">
                    {t('people.online')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('people.introductionsToOrganisation')}>
        <Title order={3} size="h5" mb="xs">
          {t('people.introductionsToOrganisation')}
        </Title>
        {intros.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.noIntroductions')}
          </Text>
        ) : (
          <IntroductionList intros={intros} people={people} label={t('people.introductionsToOrganisation')} />
        )}
      </Paper>
      {introducing && <IntroduceModal people={people} initial={{ kind: 'organisation', b: organisation.id }} onClose={() => setIntroducing(false)} />}
    </Stack>
  );
}
