import { Alert, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { grantMandate, MandateNotAllowedError, revokeMandate, type WorkspaceMandates } from '../../../shared/workspace-doc/mandates';
import { useStorageAction } from '../hooks/useStorageAction';
import { joinNames } from './format';
import { holderLines, membersOf, ownOrganisationIds, type GoalsWorkspace } from './goals-view';
import { MandateHolderText } from './MandateHolderText';
import { useOptimisticChecks } from './useOptimisticChecks';

interface LegacyMandatesProps {
  readonly doc: Y.Doc;
  readonly workspace: GoalsWorkspace;
  readonly mandates: WorkspaceMandates;
  readonly memberId: string;
}

/**
 * A workspace from before proven membership: mandates work as they did (a
 * member of the organisation, by profile, ticks who holds it), nothing is
 * signed, and every holder is shown as not confirmed (mandate-state.ts).
 */
export function LegacyMandates({ doc, workspace, mandates, memberId }: LegacyMandatesProps) {
  const { t, i18n } = useTranslation();
  const { run } = useStorageAction();
  const [refused, setRefused] = useState(false);
  const holds = (key: string) => {
    const [organisationId, holderId] = JSON.parse(key) as [string, string];
    return mandates.state.organisations.get(organisationId)?.holders.some((holding) => holding.holderId === holderId) ?? false;
  };
  const checks = useOptimisticChecks(holds);
  const own = ownOrganisationIds(workspace, memberId);
  const ordered = [...workspace.organisations].sort((a, b) => Number(own.includes(b.id)) - Number(own.includes(a.id)) || a.name.localeCompare(b.name, 'nl'));

  const toggle = (organisationId: string, holderId: string, grant: boolean) => {
    setRefused(false);
    const key = JSON.stringify([organisationId, holderId]);
    checks.want(key, grant);
    void run(() => {
      try {
        if (grant) grantMandate(doc, organisationId, holderId, { memberId, now: Date.now() });
        else revokeMandate(doc, organisationId, holderId, { memberId });
      } catch (error) {
        checks.drop(key);
        if (!(error instanceof MandateNotAllowedError)) throw error;
        setRefused(true);
      }
      return Promise.resolve();
    }).then((ok) => ok || checks.drop(key));
  };

  return (
    <Stack>
      <Text size="sm">{t('goals.mandatesIntro')}</Text>
      <Alert color="blue">{t('goals.mandatesOpenIntro')}</Alert>
      {own.length === 0 && <Alert color="blue">{t('goals.notLinked')}</Alert>}
      {refused && (
        <Alert color="red" role="alert">
          {t('goals.mandateNotAllowed')}
        </Alert>
      )}
      {mandates.damaged > 0 && <Alert color="orange">{t('goals.mandatesDamaged', { count: mandates.damaged })}</Alert>}
      {workspace.organisations.length === 0 && <Text size="sm">{t('goals.noOrganisations')}</Text>}
      {ordered.map((organisation) => {
        const lines = holderLines(mandates.state, workspace, organisation.id);
        const holders = lines.map((line) => line.name ?? t('goals.unknownMember'));
        const headingId = `mandates-${organisation.id}`;
        const members = own.includes(organisation.id) ? membersOf(workspace, organisation.id) : [];
        return (
          <Paper key={organisation.id} withBorder p="sm" component="section" aria-labelledby={headingId}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={headingId}>
                {organisation.name}
              </Title>
              <Text size="sm">{holders.length > 0 ? t('goals.mandateHolders', { names: joinNames(holders, i18n.resolvedLanguage) }) : t('goals.noMandateHolders')}</Text>
              {lines.map((line, index) => (
                <MandateHolderText key={index} {...line} />
              ))}
              {own.includes(organisation.id) && (
                <>
                  <Text size="sm" c="dimmed">
                    {t('goals.mandateOwnHint', { name: organisation.name })}
                  </Text>
                  {members.length === 0 && <Text size="sm">{t('goals.noMembers')}</Text>}
                  {members.map((member) => (
                    <Checkbox
                      key={member.memberId}
                      label={member.displayName}
                      checked={checks.checked(JSON.stringify([organisation.id, member.memberId]))}
                      onChange={(event) => toggle(organisation.id, member.memberId, event.currentTarget.checked)}
                    />
                  ))}
                </>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
