import { SectionHeading } from '../components/SectionHeading';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useState } from 'react';
import { goalRecords, readQuorum } from '../../../shared/workspace-doc/goals';
import { samePlainData } from '../../../shared/read-model/record-store';
import { useOrderedRecords } from '../read-model/records';
import { useDocValue } from '../hooks/useDocValue';
import { useWorkspace } from '../contexts/workspace-context';
import { GoalCard, goalPath } from './GoalCard';
import { useGoalsWorkspace } from './useGoalsWorkspace';
import { ownOrganisationIds } from './goals-view';
import { MandatesModal } from './MandatesModal';
import { NewGoalModal } from './NewGoalModal';
import { QuorumModal } from './QuorumModal';

type Dialog = 'new' | 'mandates' | 'quorum' | null;

/** The common goals of the workspace, with the workspace-wide settings for them (mandates, decision rule). */
export function GoalsPanel() {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const [, navigate] = useLocation();
  const goals = useOrderedRecords(goalRecords);
  const workspace = useGoalsWorkspace();
  const { quorum, problem: quorumProblem } = useDocValue(doc, readQuorum, samePlainData);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const headingId = 'goals-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('goals.title')} intro={t('goals.intro')}>
        <Group gap="xs">
          <Button onClick={() => setDialog('new')}>{t('goals.newGoal')}</Button>
          <Button variant="default" onClick={() => setDialog('mandates')}>
            {t('goals.manageMandates')}
          </Button>
          <Button variant="default" onClick={() => setDialog('quorum')}>
            {t('goals.quorumButton')}
          </Button>
        </Group>
      </SectionHeading>
      <Text size="sm">{t('goals.quorumRule', { min: quorum.minSupportingOrganisations, percent: quorum.minSupportingPercent })}</Text>
      {quorumProblem !== undefined && <Alert color="orange">{t('goals.quorumDamaged', { problem: quorumProblem })}</Alert>}
      {goals.length === 0 && (
        <Paper withBorder p="lg">
          <Text>{t('goals.empty')}</Text>
        </Paper>
      )}
      {goals.map((read) =>
        read.ok ? (
          <GoalCard key={read.id} doc={doc} goal={read.value} />
        ) : (
          <Alert key={read.id} color="orange">
            {t('goals.damagedGoal', { problem: read.problem })}
          </Alert>
        ),
      )}
      {dialog === 'new' && (
        <NewGoalModal
          doc={doc}
          memberId={identity.memberId}
          organisations={workspace.organisations}
          ownOrganisationId={ownOrganisationIds(workspace, identity.memberId)[0]}
          onClose={close}
          onCreated={(goalId) => {
            close();
            navigate(goalPath(goalId));
          }}
        />
      )}
      {dialog === 'mandates' && <MandatesModal doc={doc} workspace={workspace} memberId={identity.memberId} onClose={close} />}
      {dialog === 'quorum' && <QuorumModal doc={doc} quorum={quorum} onClose={close} />}
    </Stack>
  );
}
