import { Alert, Anchor, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { goalRecords, goalStatementFragment, readQuorum, saveGoalVersion, type Goal } from '../../../shared/workspace-doc/goals';
import { samePlainData } from '../../../shared/read-model/record-store';
import { useRecord } from '../read-model/records';
import { useDocValue } from '../hooks/useDocValue';
import { useStorageAction } from '../hooks/useStorageAction';
import { useWorkspace } from '../contexts/workspace-context';
import { knownOrganisations } from '../../../shared/goals/adoption';
import { AdoptionStatus } from './AdoptionStatus';
import { DecisionLog } from './DecisionLog';
import { DraagvlakMeter, type StanceRequest } from './DraagvlakMeter';
import { GoalTextSection } from './GoalTextSection';
import { GoalExportButtons } from './export/GoalExportButtons';
import { memberName, meterRows, organisationName, ownOrganisationIds, signableOrganisationIds } from './goals-view';
import { useGoalsWorkspace } from './useGoalsWorkspace';
import { MandatesModal } from './MandatesModal';
import { nameLookup } from './mandates-view';
import { useMandateAuthority } from './useMandateAuthority';
import { ParticipantsSection } from './ParticipantsSection';
import { RenameGoalModal } from './RenameGoalModal';
import { StanceModal } from './StanceModal';
import { useGoalAdoption } from './useGoalAdoption';
import { VersionHistoryModal } from './VersionHistoryModal';

type Dialog = { kind: 'rename' } | { kind: 'history' } | { kind: 'mandates' } | ({ kind: 'stance' } & StanceRequest) | null;

/** One goal: its text (co-edited), who carries it, the signed stances and the decision log. */
export function GoalView({ goalId }: { readonly goalId: string }) {
  const { t } = useTranslation();
  const read = useRecord(goalRecords, goalId);
  const back = (
    <Anchor component={Link} href="/doelen" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('goals.allGoals')}
    </Anchor>
  );
  if (read === undefined || !read.ok) {
    return (
      <Stack>
        {back}
        <Alert color="orange" role="alert">
          {read === undefined ? t('goals.goalNotFound') : t('goals.goalDamaged', { problem: read.problem })}
        </Alert>
      </Stack>
    );
  }
  return <LoadedGoal goal={read.value} back={back} />;
}

function LoadedGoal({ goal, back }: { goal: Goal; back: React.ReactNode }) {
  const { t } = useTranslation();
  const { doc, identity, sync } = useWorkspace();
  const { run, busy } = useStorageAction();
  const workspace = useGoalsWorkspace();
  const { quorum } = useDocValue(doc, readQuorum, samePlainData);
  const adoption = useGoalAdoption(doc, goal.id);
  const authority = useMandateAuthority();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const fragment = goalStatementFragment(doc, goal.id);
  const nameOfOrganisation = (id: string) => organisationName(workspace, id) ?? t('goals.unknownOrganisation');
  const nameOfMember = (id: string) => memberName(workspace, id) ?? t('goals.unknownMember');

  const saveVersion = () => {
    let unchanged = false;
    void run(async () => {
      const before = goal.versions.at(-1)?.textHash;
      const saved = await saveGoalVersion(doc, goal.id, { memberId: identity.memberId, now: Date.now() });
      unchanged = saved.textHash === before;
    }).then((ok) => {
      if (ok) notifications.show({ message: unchanged ? t('goals.versionUnchanged') : t('goals.versionSaved') });
    });
  };

  const own = ownOrganisationIds(workspace, identity.memberId);
  const ownWithoutMandate = adoption.status === 'ready' ? adoption.result.organisations.filter((support) => own.includes(support.organisationId) && support.noMandateHolder) : [];
  // Who granted and confirmed a mandate is named as their signed admission names them.
  const signedName = nameLookup(authority?.kind === 'proven' ? authority.members : new Map(), (id) => memberName(workspace, id));
  // Invited or not: a mandate holder may speak for the organisation, and a stance from a non-participant joins it.
  const signable = adoption.status === 'ready' ? signableOrganisationIds({ organisations: knownOrganisations(adoption.input).map((known) => known.organisation) }, identity.memberId, identity.personKeyB64) : [];
  const participating = adoption.status === 'ready' ? adoption.result.organisations.map((support) => support.organisationId) : [];
  const joinable = signable.filter((id) => !participating.includes(id));
  const rows = adoption.status === 'ready' ? meterRows(adoption.result, workspace, signable, adoption.mandates, signedName) : [];

  return (
    <Stack>
      {back}
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{goal.title}</Title>
        <Button variant="default" onClick={() => setDialog({ kind: 'rename' })}>
          {t('goals.rename')}
        </Button>
      </Group>
      {adoption.status === 'loading' && <Loader size="sm" role="status" aria-label={t('goals.computing')} />}
      {adoption.status === 'failed' && <Alert color="orange">{t('goals.evaluationFailed', { problem: adoption.problem })}</Alert>}
      {adoption.status === 'ready' && <AdoptionStatus standing={adoption.standing} quorum={quorum} nameOf={nameOfOrganisation} />}
      {ownWithoutMandate.map((support) => (
        <Alert key={support.organisationId} color="blue">
          <Group justify="space-between">
            <span>{t('goals.ownNoMandate', { name: nameOfOrganisation(support.organisationId) })}</span>
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'mandates' })}>
              {t('goals.manageMandates')}
            </Button>
          </Group>
        </Alert>
      ))}
      <GoalTextSection
        doc={doc}
        goalId={goal.id}
        fragment={fragment}
        awareness={sync.instance?.awareness}
        userName={identity.profile.displayName}
        memberId={identity.memberId}
        standing={adoption.status === 'ready' ? adoption.standing : undefined}
        actions={
          <>
            <Button variant="default" onClick={saveVersion} loading={busy}>
              {t('goals.saveVersion')}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'history' })}>
              {t('goals.history')}
            </Button>
          </>
        }
      />
      {adoption.status === 'ready' && (
        <DraagvlakMeter
          rows={rows}
          counts={adoption.result.counts}
          unattributed={adoption.result.unattributed.length}
          currentText={adoption.current.canonicalText}
          onTakeStance={(request) => setDialog({ kind: 'stance', ...request })}
        />
      )}
      <GoalExportButtons goalId={goal.id} />
      <ParticipantsSection
        doc={doc}
        goalId={goal.id}
        participantIds={goal.organisationIds}
        workspace={workspace}
        memberId={identity.memberId}
        result={adoption.status === 'ready' ? adoption.result : undefined}
        joinable={joinable}
        onJoin={(organisationId) => setDialog({ kind: 'stance', organisationId })}
      />
      {adoption.status === 'ready' && (
        <DecisionLog entries={adoption.log} currentTextHash={adoption.current.textHash} inForceTextHash={adoption.standing.inForce?.textHash} organisationName={nameOfOrganisation} memberName={nameOfMember} />
      )}

      {dialog?.kind === 'rename' && <RenameGoalModal doc={doc} goalId={goal.id} title={goal.title} onClose={close} />}
      {dialog?.kind === 'history' && (
        <VersionHistoryModal
          versions={goal.versions}
          damagedVersions={goal.damagedVersions}
          currentText={adoption.status === 'ready' ? adoption.current.canonicalText : goal.statementText}
          memberName={nameOfMember}
          onClose={close}
        />
      )}
      {dialog?.kind === 'mandates' && <MandatesModal doc={doc} workspace={workspace} memberId={identity.memberId} onClose={close} />}
      {dialog?.kind === 'stance' && (
        <StanceModal
          doc={doc}
          goalId={goal.id}
          organisationId={dialog.organisationId}
          organisationName={nameOfOrganisation(dialog.organisationId)}
          identity={identity}
          {...(dialog.previous ? { previous: dialog.previous } : {})}
          onClose={close}
        />
      )}
    </Stack>
  );
}
