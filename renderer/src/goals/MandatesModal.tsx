import { Alert, Button, Checkbox, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { MandateAction, MandateActor } from '../../../shared/mandates/mandate-rules';
import type { AdmittedMember } from '../../../shared/mandates/mandate-state';
import { MandateActionError, takeMandateAction, type WorkspaceMandates } from '../../../shared/workspace-doc/mandates';
import { useStorageAction } from '../hooks/useStorageAction';
import { useWorkspace } from '../contexts/workspace-context';
import { joinNames } from './format';
import { memberName, type GoalsWorkspace } from './goals-view';
import { LegacyMandates } from './LegacyMandates';
import { MandateHolderText } from './MandateHolderText';
import { mandatesView, nameLookup, type OrganisationMandatesView } from './mandates-view';
import { useMandateAuthority } from './useMandateAuthority';
import { useOptimisticChecks } from './useOptimisticChecks';
import { useWorkspaceMandates } from './useWorkspaceMandates';
import { pageErrorText } from '../i18n/error-text';

interface MandatesModalProps {
  readonly doc: Y.Doc;
  readonly workspace: GoalsWorkspace;
  readonly memberId: string;
  readonly onClose: () => void;
}

/**
 * Who speaks for which organisation, granted by whom and confirmed by whom.
 * With proven membership every grant, confirmation and revocation is a
 * signed record (shared/mandates); a workspace from before that keeps the
 * old checkboxes (LegacyMandates).
 */
export function MandatesModal({ doc, workspace, memberId, onClose }: MandatesModalProps) {
  const { t } = useTranslation();
  const authority = useMandateAuthority();
  const mandates = useWorkspaceMandates(doc, authority);
  return (
    <Modal opened onClose={onClose} title={t('goals.mandatesTitle')} size="lg">
      {authority === undefined || mandates === undefined ? (
        <Loader size="sm" aria-label={t('goals.computing')} />
      ) : authority.kind === 'open' ? (
        <LegacyMandates doc={doc} workspace={workspace} mandates={mandates} memberId={memberId} />
      ) : (
        <SignedMandates doc={doc} workspace={workspace} mandates={mandates} admitted={authority.members} />
      )}
    </Modal>
  );
}

type Message = { readonly kind: 'done' | 'refused'; readonly text: string };

const checkKey = (organisationId: string, holderKey: string) => JSON.stringify([organisationId, holderKey]);

function SignedMandates({ doc, workspace, mandates, admitted }: { doc: Y.Doc; workspace: GoalsWorkspace; mandates: WorkspaceMandates; admitted: ReadonlyMap<string, AdmittedMember> }) {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const { run } = useStorageAction();
  const [message, setMessage] = useState<Message>();
  // Belonging comes from the signed admission, never from the profile.
  const actor: MandateActor = { publicKey: identity.publicKeyB64, organisationName: admitted.get(identity.publicKeyB64)?.organisationName ?? '' };
  const nameOf = nameLookup(admitted, (id) => memberName(workspace, id));
  const views = mandatesView(mandates, admitted, actor, nameOf);
  const grantedNow = (key: string) => views.some((view) => view.members.some((member) => member.granted && checkKey(view.organisationId, member.key) === key));
  const checks = useOptimisticChecks(grantedNow);
  const ignored = mandates.state.ignored.length;

  const act = (action: MandateAction, done: string, check?: string) => {
    setMessage(undefined);
    if (check !== undefined) checks.want(check, action.kind === 'grant');
    void run(async () => {
      try {
        await takeMandateAction(doc, mandates, { ...actor, privateKey: identity.privateKey }, action, Date.now());
        setMessage({ kind: 'done', text: done });
      } catch (error) {
        if (check !== undefined) checks.drop(check);
        if (!(error instanceof MandateActionError)) throw error;
        setMessage({ kind: 'refused', text: pageErrorText(t, error) });
      }
    }).then((ok) => ok || (check !== undefined && checks.drop(check)));
  };

  const grantOrRevoke = (view: OrganisationMandatesView, holderKey: string, grant: boolean) => {
    const administrator = mandates.state.organisations.get(view.organisationId)?.administratorKey === actor.publicKey;
    const done = !grant ? t('goals.mandateRevoked') : administrator ? t('goals.mandateGranted') : t('goals.mandateGrantedPending');
    act({ kind: grant ? 'grant' : 'revoke', organisationId: view.organisationId, holderKey }, done, checkKey(view.organisationId, holderKey));
  };

  return (
    <Stack>
      <Text size="sm">{t('goals.mandatesSignedIntro')}</Text>
      {!views.some((view) => view.own) && <Alert color="blue">{t('goals.notMemberOfOrganisation')}</Alert>}
      {message && (
        <Alert color={message.kind === 'done' ? 'green' : 'red'} role={message.kind === 'done' ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {mandates.damaged > 0 && <Alert color="orange">{t('goals.mandatesDamaged', { count: mandates.damaged })}</Alert>}
      {ignored > 0 && <Alert color="orange">{t('goals.mandatesIgnored', { count: ignored })}</Alert>}
      {views.length === 0 && <Text size="sm">{t('goals.noOrganisations')}</Text>}
      {views.map((view) => (
        <OrganisationSection
          key={view.organisationId}
          view={view}
          checked={(holderKey) => checks.checked(checkKey(view.organisationId, holderKey))}
          onToggle={(holderKey, grant) => grantOrRevoke(view, holderKey, grant)}
          onConfirm={(pending) => act({ kind: 'confirm', grant: pending }, t('goals.mandateConfirmed'))}
        />
      ))}
    </Stack>
  );
}

interface OrganisationSectionProps {
  readonly view: OrganisationMandatesView;
  readonly checked: (holderKey: string) => boolean;
  readonly onToggle: (holderKey: string, grant: boolean) => void;
  readonly onConfirm: (grant: OrganisationMandatesView['pending'][number]['grant']) => void;
}

function OrganisationSection({ view, checked, onToggle, onConfirm }: OrganisationSectionProps) {
  const { t, i18n } = useTranslation();
  const headingId = `mandates-${view.organisationId}`;
  const counted = view.holders.filter((holder) => holder.counts).map((holder) => holder.name ?? t('goals.unknownMember'));
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {view.name}
        </Title>
        {view.administratorName !== undefined && (
          <Text size="sm" c="dimmed">
            {t('goals.mandateAdministrator', { name: view.administratorName })}
          </Text>
        )}
        <Text size="sm">{counted.length > 0 ? t('goals.mandateHolders', { names: joinNames(counted, i18n.resolvedLanguage) }) : t('goals.noMandateHolders')}</Text>
        {view.holders.map((holder) => (
          <MandateHolderText key={holder.holderId} {...holder} />
        ))}
        {view.pending.length > 0 && (
          <Stack gap={4} role="group" aria-label={`${t('goals.pendingTitle')}: ${view.name}`}>
            <Text size="sm" fw={600}>
              {t('goals.pendingTitle')}
            </Text>
            {view.pending.map((pending) => {
              const name = pending.holderName ?? t('goals.unknownMember');
              return (
                <Group key={pending.grant.grantId} gap="xs" wrap="wrap">
                  <Text size="sm">{t('goals.pendingLine', { name, grantor: pending.grantedByName ?? t('goals.unknownMember') })}</Text>
                  {pending.canConfirm && (
                    <Button size="xs" aria-label={t('goals.confirmMandateLabel', { name })} onClick={() => onConfirm(pending.grant)}>
                      {t('goals.confirmMandate')}
                    </Button>
                  )}
                  {pending.ownGrant && (
                    <Text size="xs" c="dimmed">
                      {t('goals.ownPendingHint')}
                    </Text>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
        {view.own && (
          <>
            <Text size="sm" c="dimmed">
              {t('goals.mandateOwnHint', { name: view.name })}
            </Text>
            {view.members.length === 0 && <Text size="sm">{t('goals.noMembers')}</Text>}
            {view.members.map((member) => (
              <Checkbox key={member.key} label={member.name ?? t('goals.unknownMember')} checked={checked(member.key)} onChange={(event) => onToggle(member.key, event.currentTarget.checked)} />
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
