import { FormModal } from '../components/FormModal';
import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { GOAL_LIMITS, renameGoal } from '../../../shared/workspace-doc/goals';
import { useStorageAction } from '../hooks/useStorageAction';

/** Any member may rename a goal: the title is a handle, what is signed is the text. */
export function RenameGoalModal({ doc, goalId, title: currentTitle, onClose }: { doc: Y.Doc; goalId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const [title, setTitle] = useState(currentTitle);
  const error = title.trim() === '' ? t('fieldError.required') : title.trim().length > GOAL_LIMITS.title ? t('fieldError.tooLong', { max: GOAL_LIMITS.title }) : undefined;
  const [submitted, setSubmitted] = useState(false);

  const submit = () => {
    setSubmitted(true);
    if (error) return;
    void run(() => {
      renameGoal(doc, goalId, title);
      return Promise.resolve();
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: t('goals.renamed') });
      onClose();
    });
  };

  return (
    <FormModal title={t('goals.rename')} onClose={onClose} onSubmit={submit} submitLabel={t('goals.save')} cancelLabel={t('goals.cancel')} busy={busy}>
      <TextInput label={t('goals.fieldTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={submitted ? error : undefined} required data-autofocus />
    </FormModal>
  );
}
