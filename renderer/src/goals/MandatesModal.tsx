import { Alert, Checkbox, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { grantMandate, MandateNotAllowedError, revokeMandate } from '../../../shared/workspace-doc/mandates';
import { useStorageAction } from '../hooks/useStorageAction';
import { joinNames } from './format';
import { holdsMandate, memberName, membersOf, ownOrganisationIds, type GoalsWorkspace } from './goals-view';

interface MandatesModalProps {
  readonly doc: Y.Doc;
  readonly workspace: GoalsWorkspace;
  readonly memberId: string;
  readonly onClose: () => void;
}

/**
 * Who speaks for which organisation. Everyone sees the holders; only members
 * of an organisation get checkboxes for it (the domain refuses anyone else,
 * and every reader checks again).
 */
export function MandatesModal({ doc, workspace, memberId, onClose }: MandatesModalProps) {
  const { t, i18n } = useTranslation();
  const { run } = useStorageAction();
  const [refused, setRefused] = useState(false);
  const own = ownOrganisationIds(workspace, memberId);
  const ordered = [...workspace.organisations].sort((a, b) => Number(own.includes(b.id)) - Number(own.includes(a.id)) || a.name.localeCompare(b.name, 'nl'));

  const toggle = (organisationId: string, holderId: string, grant: boolean) => {
    setRefused(false);
    void run(() => {
      try {
        if (grant) grantMandate(doc, organisationId, holderId, { memberId, now: Date.now() });
        else revokeMandate(doc, organisationId, holderId, { memberId });
      } catch (error) {
        if (!(error instanceof MandateNotAllowedError)) throw error;
        setRefused(true);
      }
      return Promise.resolve();
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('goals.mandatesTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('goals.mandatesIntro')}</Text>
        {own.length === 0 && <Alert color="blue">{t('goals.notLinked')}</Alert>}
        {refused && (
          <Alert color="red" role="alert">
            {t('goals.mandateNotAllowed')}
          </Alert>
        )}
        {workspace.damagedMandates > 0 && <Alert color="orange">{t('goals.mandatesDamaged', { count: workspace.damagedMandates })}</Alert>}
        {workspace.organisations.length === 0 && <Text size="sm">{t('goals.noOrganisations')}</Text>}
        {ordered.map((organisation) => {
          const holders = workspace.mandates.filter((mandate) => mandate.organisationId === organisation.id).map((mandate) => memberName(workspace, mandate.memberId) ?? t('goals.unknownMember'));
          const headingId = `mandates-${organisation.id}`;
          const members = own.includes(organisation.id) ? membersOf(workspace, organisation.id) : [];
          return (
            <Paper key={organisation.id} withBorder p="sm" component="section" aria-labelledby={headingId}>
              <Stack gap="xs">
                <Title order={3} size="h5" id={headingId}>
                  {organisation.name}
                </Title>
                <Text size="sm">{holders.length > 0 ? t('goals.mandateHolders', { names: joinNames(holders, i18n.resolvedLanguage) }) : t('goals.noMandateHolders')}</Text>
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
                        checked={holdsMandate(workspace, organisation.id, member.memberId)}
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
    </Modal>
  );
}
