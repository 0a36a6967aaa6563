import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconHistory, IconPencil, IconShieldCheck, IconUserMinus, IconUsersPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { involving } from '../../../shared/workspace-doc/introductions';
import { organisationIdOf, type Member, type ProfileField } from '../../../shared/workspace-doc/members';
import { useWorkspace } from '../contexts/workspace-context';
import { IntroduceModal } from './IntroduceModal';
import { IntroductionList } from './IntroductionItem';
import { OrganisationLink } from './links';
import { ProfileEditModal } from './ProfileEditModal';
import { RemoveMemberModal } from '../membership/RemoveMemberModal';
import { useMemberList } from '../membership/useMemberList';
import { useOnline, usePeople, type People } from './usePeople';

const FIELD_LABEL_KEYS = { expertise: 'people.expertise', contact: 'people.contact', brings: 'people.brings', seeks: 'people.seeks' } as const satisfies Record<ProfileField, string>;

export function BackToPeople() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href="/mensen" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('people.backToDirectory')}
    </Anchor>
  );
}

export function MemberProfile({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const member = people.memberById.get(memberId);
  const damaged = people.damagedMembers.find((entry) => entry.id === memberId);
  if (!member) {
    return (
      <Stack>
        <BackToPeople />
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {damaged ? t('people.memberDamaged', { problem: damaged.problem }) : t('people.memberNotFound')}
        </Alert>
      </Stack>
    );
  }
  return <Profile member={member} people={people} />;
}

type Dialog = 'edit' | 'introduce' | 'remove' | null;

function Profile({ member, people }: { member: Member; people: People }) {
  const { t } = useTranslation();
  const { identity, membership } = useWorkspace();
  const list = useMemberList(membership);
  const online = useOnline();
  const isAdmin = list?.admins.has(member.publicKey) ?? false;
  const removed = list?.removed.has(member.publicKey) ?? false;
  const mayRemove = !!list && list.admins.has(identity.personKeyB64) && list.members.has(member.publicKey);
  const grantAdmin = () => {
    membership
      ?.grantAdmin(member.publicKey)
      .then(() => notifications.show({ message: t('people.adminGranted', { name: member.displayName }) }))
      .catch((error: unknown) => {
        console.error('Administrator role could not be granted', error);
        notifications.show({ color: 'red', message: t('people.removeProblem.failed') });
      });
  };
  const [dialog, setDialog] = useState<Dialog>(null);
  const own = member.memberId === identity.memberId;
  const organisationId = organisationIdOf(member, people.organisations);
  const intros = involving(people.introductions, member.memberId);
  const headingId = 'member-profile-heading';
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <BackToPeople />
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2} id={headingId}>
              {member.displayName}
            </Title>
            {own && <Badge color="gray.7" variant="filled">{t('people.you')}</Badge>}
            {online.has(member.memberId) && (
              <Badge color="teal.9" variant="filled">
                {t('people.online')}
              </Badge>
            )}
            {isAdmin && (
              <Badge color="indigo.9" variant="filled">
                {t('people.adminBadge')}
              </Badge>
            )}
            {removed && (
              <Badge color="red.9" variant="filled">
                {t('people.removedBadge')}
              </Badge>
            )}
          </Group>
          <Text>
            {member.role && `${member.role}, `}
            {organisationId ? <OrganisationLink organisationId={organisationId} organisation={people.organisationById.get(organisationId)} /> : member.organisationName}
          </Text>
        </div>
        <Group gap="xs">
          {own ? (
            <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
              {t('people.editProfile')}
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconUsersPlus size={16} aria-hidden />} onClick={() => setDialog('introduce')}>
              {t('people.introduce')}
            </Button>
          )}
          {/* After a removal, this is where an administrator undoes what the member did (shared/history). */}
          <Button component={Link} href={`/geschiedenis?wie=${encodeURIComponent(member.publicKey)}`} variant="default" leftSection={<IconHistory size={16} aria-hidden />} aria-label={t('people.changesOfLabel', { name: member.displayName })}>
            {t('people.changesOf')}
          </Button>
          {!own && mayRemove && !isAdmin && (
            <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={grantAdmin}>
              {t('people.makeAdmin')}
            </Button>
          )}
          {!own && mayRemove && (
            <Button variant="default" color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={() => setDialog('remove')}>
              {t('people.removeMember')}
            </Button>
          )}
        </Group>
      </Group>
      {member.damagedFields && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} data-testid="damaged-profile-fields">
          {t('people.fieldsDamaged', { fields: member.damagedFields.map((field) => t(FIELD_LABEL_KEYS[field])).join(', ') })}
        </Alert>
      )}
      <ProfileSection title={t('people.expertise')} empty={(member.expertise ?? []).length === 0}>
        <Group gap="xs">
          {(member.expertise ?? []).map((tag) => (
            <Badge key={tag} variant="outline" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </ProfileSection>
      <ProfileSection title={t('people.contact')} empty={!member.contact}>
        <Text style={{ whiteSpace: 'pre-line' }}>{member.contact}</Text>
      </ProfileSection>
      <ProfileSection title={t('people.brings')} empty={!member.brings}>
        <Text style={{ whiteSpace: 'pre-line' }}>{member.brings}</Text>
      </ProfileSection>
      <ProfileSection title={t('people.seeks')} empty={!member.seeks}>
        <Text style={{ whiteSpace: 'pre-line' }} data-testid="profile-seeks">
          {member.seeks}
        </Text>
      </ProfileSection>
      <ProfileSection title={t('people.introductions')} empty={intros.length === 0}>
        <IntroductionList intros={intros} people={people} label={t('people.introductionsOf', { name: member.displayName })} />
      </ProfileSection>
      {dialog === 'edit' && <ProfileEditModal member={member} people={people} onClose={() => setDialog(null)} />}
      {dialog === 'introduce' && <IntroduceModal people={people} initial={{ a: member.memberId }} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && membership && <RemoveMemberModal membership={membership} members={[member]} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function ProfileSection({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('people.notFilledIn')}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
