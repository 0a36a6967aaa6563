import { FormModal } from '../components/FormModal';
import { Alert, Button, Loader, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CanonicalGoalText } from '../../../shared/goals/canonical-text';
import { signStance, STANCE_ERRORS, STANCE_KINDS, STANCE_LIMITS, StanceInputSchema, type StanceKind, type StanceRecord } from '../../../shared/goals/stance';
import { appendStance, currentGoalText } from '../../../shared/workspace-doc/goals';
import { countedHolders } from '../../../shared/mandates/mandate-state';
import { readWorkspaceMandates } from '../../../shared/workspace-doc/mandates';
import { useStorageAction } from '../hooks/useStorageAction';
import type { Identity } from '../storage/identity-store';
import { TextDiffView } from './TextDiffView';
import { initialStanceForm } from './goals-view';
import { useMandateAuthority } from './useMandateAuthority';
import { useWorkspace } from '../contexts/workspace-context';

interface StanceModalProps {
  readonly doc: Y.Doc;
  readonly goalId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly identity: Identity;
  /** When re-confirming: the stance given on the earlier text, to start from. */
  readonly previous?: StanceRecord;
  readonly onClose: () => void;
}

type Errors = { stance?: string; reason?: string };

/**
 * Takes a stance on the text as it was when the dialog opened. The text is
 * watched while the dialog is open: if a partner edits it, signing is
 * refused until the signer has looked at the new text, so nobody ever signs
 * a text they did not see.
 */
export function StanceModal({ doc, goalId, organisationId, organisationName, identity, previous, onClose }: StanceModalProps) {
  const { membership } = useWorkspace();
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const authority = useMandateAuthority();
  const [form, setForm] = useState(() => initialStanceForm(previous));
  const [errors, setErrors] = useState<Errors>({});
  const [shown, setShown] = useState<CanonicalGoalText>();
  const [latest, setLatest] = useState<CanonicalGoalText>();
  const [noMandate, setNoMandate] = useState(false);

  useEffect(() => {
    let disposed = false;
    let runId = 0;
    const refresh = () => {
      const mine = ++runId;
      currentGoalText(doc, goalId)
        .then((text) => {
          if (disposed || mine !== runId) return;
          setLatest(text);
          setShown((before) => before ?? text);
        })
        .catch((error: unknown) => console.warn('Could not read the goal text', error));
    };
    refresh();
    doc.on('update', refresh);
    return () => {
      disposed = true;
      doc.off('update', refresh);
    };
  }, [doc, goalId]);

  const changed = shown !== undefined && latest !== undefined && shown.textHash !== latest.textHash;

  const validate = (): { stance: StanceKind; reason: string } | undefined => {
    if (form.stance === '') {
      setErrors({ stance: t('goals.stanceErrors.chooseStance') });
      return undefined;
    }
    const parsed = StanceInputSchema.safeParse({ stance: form.stance, reason: form.reason });
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const code = parsed.error.issues.find((issue) => issue.path[0] === 'reason')?.message;
    setErrors({ reason: code === STANCE_ERRORS.tooLong ? t('goals.stanceErrors.tooLong', { max: STANCE_LIMITS.reason }) : t('goals.stanceErrors.reasonRequired') });
    return undefined;
  };

  const submit = () => {
    const input = validate();
    if (!input || !shown || changed || shown.canonicalText === '') return;
    let refused = false;
    void run(async () => {
      // A mandate revoked while the dialog was open: a stance signed now would not count, so it is not made.
      const holders = authority === undefined ? [] : (countedHolders((await readWorkspaceMandates(doc, authority)).state).get(organisationId) ?? []);
      if (!holders.some((holder) => holder.memberId === identity.memberId && holder.publicKey === identity.personKeyB64)) {
        refused = true;
        setNoMandate(true);
        return;
      }
      // The last word before signing: the document may have changed since the latest render.
      const now = await currentGoalText(doc, goalId);
      if (now.textHash !== shown.textHash) {
        refused = true;
        setLatest(now);
        return;
      }
      // On a person's other device the stance carries the grants that make this key theirs (stance.ts).
      const grants = identity.personKeyB64 === identity.publicKeyB64 ? [] : ((await membership?.ownGrantChain()) ?? []);
      const record = await signStance(
        { goalId, organisationId, memberId: identity.memberId, publicKey: identity.publicKeyB64, stance: input.stance, reason: input.reason, text: shown.canonicalText, at: Date.now(), grants },
        identity.privateKey,
      );
      appendStance(doc, goalId, record);
    }).then((ok) => {
      if (!ok || refused) return;
      notifications.show({ message: t('goals.signed', { name: organisationName }) });
      onClose();
    });
  };

  return (
    <FormModal title={t('goals.stanceTitle')} onClose={onClose} onSubmit={submit} submitLabel={t('goals.sign')} cancelLabel={t('goals.cancel')} busy={busy} submitDisabled={shown === undefined} size="lg">
      <Text fw={600}>{t('goals.stanceFor', { name: organisationName })}</Text>
      <Radio.Group
        label={t('goals.stanceLabel')}
        value={form.stance}
        onChange={(value) => setForm((before) => ({ ...before, stance: value as StanceKind }))}
        error={errors.stance}
        withAsterisk
      >
        <Stack gap="xs" mt="xs">
          {STANCE_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`goals.stances.${kind}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('goals.reasonLabel')}
        description={form.stance === 'endorse' || form.stance === '' ? t('goals.reasonHintOptional') : t('goals.reasonHintRequired')}
        withAsterisk={form.stance !== 'endorse' && form.stance !== ''}
        value={form.reason}
        onChange={(event) => {
          const reason = event.currentTarget.value;
          setForm((before) => ({ ...before, reason }));
        }}
        error={errors.reason}
        autosize
        minRows={2}
        maxRows={8}
      />
      <Stack gap={4}>
        <Text fw={600} id="stance-signed-text-label">
          {t('goals.signingText')}
        </Text>
        {shown === undefined ? (
          <Loader size="sm" role="status" aria-label={t('goals.loadingText')} />
        ) : (
          <Paper withBorder p="sm" component="blockquote" m={0} aria-labelledby="stance-signed-text-label" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflowY: 'auto' }} data-testid="stance-signed-text">
            {shown.canonicalText}
          </Paper>
        )}
        <Text size="xs" c="dimmed">
          {t('goals.signingHint')}
        </Text>
      </Stack>
      {shown?.canonicalText === '' && (
        <Alert color="orange" role="alert">
          {t('goals.emptyText')}
        </Alert>
      )}
      {noMandate && (
        <Alert color="red" role="alert">
          {t('goals.noLongerMandated', { name: organisationName })}
        </Alert>
      )}
      {changed && latest && shown && (
        <Alert color="orange" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('goals.textChanged')}</Text>
            <TextDiffView before={shown.canonicalText} after={latest.canonicalText} label={t('goals.diffTitle')} />
            <Button size="xs" variant="default" onClick={() => setShown(latest)} style={{ alignSelf: 'flex-start' }}>
              {t('goals.loadNewText')}
            </Button>
          </Stack>
        </Alert>
      )}
    </FormModal>
  );
}
