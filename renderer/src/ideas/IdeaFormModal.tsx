import { Button, Group, Modal, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/workspace-doc/goals';
import { addIdeaAs, updateIdeaAs } from '../../../shared/workspace-doc/idea-permissions';
import { IDEA_LIMITS, IdeaInputSchema, type Idea, type IdeaInput } from '../../../shared/workspace-doc/ideas';
import { stamp, useGuardedWrite } from '../groups/useGuardedWrite';
import { useZodValidate } from '../hooks/useZodValidate';
import { useWorkspace } from '../contexts/workspace-context';

const MAXIMA = { title: IDEA_LIMITS.title, description: IDEA_LIMITS.description, tags: IDEA_LIMITS.tag };

/** "Nieuw idee", or the author's "Idee bewerken". */
export function IdeaFormModal({ idea, goals, onClose }: { idea?: Idea; goals: readonly Goal[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkspace();
  const { write, busy } = useGuardedWrite();
  const form = useForm<IdeaInput>({
    initialValues: { title: idea?.title ?? '', description: idea?.description ?? '', tags: [...(idea?.tags ?? [])], goalId: idea?.goalId ?? '' },
    validate: useZodValidate(IdeaInputSchema, MAXIMA),
  });
  const goalOptions = goals.map((goal) => ({ value: goal.id, label: goal.title }));
  // A goal that is gone (or not yet synced) stays selectable, so editing does not silently unlink it.
  if (idea?.goalId && !goals.some((goal) => goal.id === idea.goalId)) goalOptions.push({ value: idea.goalId, label: t('ideas.unknownGoal') });

  const submit = form.onSubmit((values) => {
    const by = stamp(identity.memberId);
    void write(() => {
      if (idea) updateIdeaAs(doc, idea.id, values, by);
      else addIdeaAs(doc, values, by);
    }).then((ok) => {
      if (!ok) return;
      notifications.show({ message: idea ? t('ideas.saved') : t('ideas.posted') });
      onClose();
    });
  });

  return (
    <Modal opened onClose={onClose} title={idea ? t('ideas.editTitle') : t('ideas.new')} size="lg">
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('ideas.fields.title')} required data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('ideas.fields.description')} autosize minRows={3} maxRows={12} {...form.getInputProps('description')} />
          <TagsInput label={t('ideas.fields.tags')} description={t('ideas.fields.tagsHint', { max: IDEA_LIMITS.tags })} maxTags={IDEA_LIMITS.tags} clearable {...form.getInputProps('tags')} />
          <Select
            label={t('ideas.fields.goal')}
            description={t('ideas.fields.goalHint')}
            data={goalOptions}
            clearable
            searchable
            {...form.getInputProps('goalId')}
            value={form.values.goalId || null}
            onChange={(value) => form.setFieldValue('goalId', value ?? '')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ideas.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {idea ? t('ideas.save') : t('ideas.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
