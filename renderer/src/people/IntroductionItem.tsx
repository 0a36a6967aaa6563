import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Introduction } from '../../../shared/workspace-doc/introductions';
import { interleave, MemberLink, OrganisationLink, SLOTS } from './links';
import type { People } from './usePeople';
import { formatDate } from '../i18n/format-date';

/** One introduction as a sentence with links to everyone in it, its note and its date. */
export function IntroductionItem({ intro, people }: { intro: Introduction; people: People }) {
  const { t, i18n } = useTranslation();
  const by = <MemberLink memberId={intro.by} member={people.memberById.get(intro.by)} />;
  const a = <MemberLink memberId={intro.a} member={people.memberById.get(intro.a)} />;
  let sentence;
  if (intro.kind === 'invite') sentence = interleave(t('people.introInvite', SLOTS), { by, a });
  else if (intro.kind === 'members') sentence = interleave(t('people.introMembers', SLOTS), { by, a, b: <MemberLink memberId={intro.b} member={people.memberById.get(intro.b)} /> });
  else sentence = interleave(t('people.introOrganisation', SLOTS), { by, a, b: <OrganisationLink organisationId={intro.b} organisation={people.organisationById.get(intro.b)} /> });
  return (
    <Stack gap={2} component="li" data-testid="introduction">
      <Text size="sm">{sentence}</Text>
      {intro.kind !== 'invite' && intro.note && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          “{intro.note}”
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {formatDate(intro.createdAt, 'longDay', i18n.resolvedLanguage)}
      </Text>
    </Stack>
  );
}

export function IntroductionList({ intros, people, label }: { intros: readonly Introduction[]; people: People; label: string }) {
  return (
    <Stack component="ul" gap="sm" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {intros.map((intro) => (
        <IntroductionItem key={intro.id} intro={intro} people={people} />
      ))}
    </Stack>
  );
}
