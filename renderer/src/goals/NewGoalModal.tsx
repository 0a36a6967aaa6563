import { FormModal } from '../components/FormModal';
import { Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Organisation } from '../../../shared/domain/organisation';
import { STANCE_LIMITS } from '../../../shared/goals/stance';
import { createGoal, GOAL_LIMITS } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';
import { OrganisationChoice } from '../organisations/OrganisationChoice';

interface NewGoalModalProps {
  readonly doc: Y.Doc;
  readonly memberId: string;
  /** Every organisation of the workspace, to choose from. */
  readonly organisations: readonly Organisation[];
  /** The creator's own organisation, ticked to start with: it drafts the goal, and others are invited deliberately. */
  readonly ownOrganisationId: string | undefined;
  readonly onCreated: (goalId: string) => void;
  readonly onClose: () => void;
}

export function NewGoalModal({ doc, memberId, organisations, ownOrganisationId, onCreated, onClose }: NewGoalModalProps) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [participants, setParticipants] = useState<string[]>(ownOrganisationId === undefined ? [] : [ownOrganisationId]);
  const [submitted, setSubmitted] = useState(false);
  const titleError = title.trim() === '' ? t('fieldError.required') : title.trim().length > GOAL_LIMITS.title ? t('fieldError.tooLong', { max: GOAL_LIMITS.title }) : undefined;
  const textError = text.length > STANCE_LIMITS.goalText ? t('fieldError.tooLong', { max: STANCE_LIMITS.goalText }) : undefined;
  const known = participants.filter((id) => organisations.some((organisation) => organisation.id === id));
  const participantsError = organisations.length > 0 && known.length === 0 ? t('goals.participantsRequired') : undefined;

  const submit = () => {
    setSubmitted(true);
    if (titleError || textError || participantsError) return;
    let id = '';
    void run(() => {
      id = createGoal(doc, { title, text }, { memberId, now: Date.now(), organisationIds: known });
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('goals.created') });
      onCreated(id);
    });
  };

  return (
    <FormModal title={t('goals.newGoal')} onClose={onClose} onSubmit={submit} submitLabel={t('goals.create')} cancelLabel={t('goals.cancel')} busy={busy} size="lg">
      <TextInput label={t('goals.fieldTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={submitted ? titleError : undefined} required data-autofocus />
      <Textarea label={t('goals.fieldText')} description={t('goals.fieldTextHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={submitted ? textError : undefined} autosize minRows={4} maxRows={10} />
      {organisations.length === 0 ? (
        <Text size="sm">{t('goals.noOrganisations')}</Text>
      ) : (
        <OrganisationChoice
          label={t('goals.fieldParticipants')}
          description={t('goals.fieldParticipantsHint')}
          organisations={organisations}
          value={participants}
          onChange={setParticipants}
          error={submitted ? participantsError : undefined}
          required
        />
      )}
    </FormModal>
  );
}
