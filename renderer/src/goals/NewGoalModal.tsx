import { FormModal } from '../components/FormModal';
import { Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { STANCE_LIMITS } from '../../../shared/goals/stance';
import { createGoal, GOAL_LIMITS } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';

interface NewGoalModalProps {
  readonly doc: Y.Doc;
  readonly memberId: string;
  /** Every organisation of the workspace: a new goal is meant to be carried by all, participants can be changed later. */
  readonly organisationIds: readonly string[];
  readonly onCreated: (goalId: string) => void;
  readonly onClose: () => void;
}

export function NewGoalModal({ doc, memberId, organisationIds, onCreated, onClose }: NewGoalModalProps) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const titleError = title.trim() === '' ? t('fieldError.required') : title.trim().length > GOAL_LIMITS.title ? t('fieldError.tooLong', { max: GOAL_LIMITS.title }) : undefined;
  const textError = text.length > STANCE_LIMITS.goalText ? t('fieldError.tooLong', { max: STANCE_LIMITS.goalText }) : undefined;

  const submit = () => {
    setSubmitted(true);
    if (titleError || textError) return;
    let id = '';
    void run(() => {
      id = createGoal(doc, { title, text }, { memberId, now: Date.now(), organisationIds });
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
      <Textarea label={t('goals.fieldText')} description={t('goals.fieldTextHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={submitted ? textError : undefined} autosize minRows={4} maxRows={14} />
    </FormModal>
  );
}
