import { Anchor } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Organisation } from '../../../shared/domain/organisation';
import type { Member } from '../../../shared/workspace-doc/members';

/** Paths inside a workspace (relative to /w/:id). */
export const memberPath = (memberId: string) => `/mensen/${encodeURIComponent(memberId)}`;
export const organisationPath = (organisationId: string) => `/organisaties/${encodeURIComponent(organisationId)}`;

export function MemberLink({ memberId, member }: { memberId: string; member: Member | undefined }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={memberPath(memberId)}>
      {member?.displayName ?? t('people.unknownMember')}
    </Anchor>
  );
}

export function OrganisationLink({ organisationId, organisation }: { organisationId: string; organisation: Organisation | undefined }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={organisationPath(organisationId)}>
      {organisation?.name ?? t('people.unknownOrganisation')}
    </Anchor>
  );
}

/**
 * Fills `{{name}}` placeholders of an already translated sentence with
 * elements (links), so word order stays the translation's.
 */
export function interleave(sentence: string, parts: Record<string, ReactNode>): ReactNode {
  return sentence.split(/\{\{(\w+)\}\}/).map((piece, index) => <Fragment key={index}>{index % 2 === 1 ? parts[piece] : piece}</Fragment>);
}

/** Placeholders passed to t() so that `interleave` can put elements in their place. */
export const SLOTS = { by: '{{by}}', a: '{{a}}', b: '{{b}}' } as const;
