import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATUS_LIMITS } from '../../../shared/workspace-doc/idea-status';

/** "Afwijzen": a declined idea keeps its reason on the record, so one is required. */
export function DeclineModal({ title, busy, onDecline, onClose }: { title: string; busy: boolean; onDecline: (reason: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <Modal opened onClose={onClose} title={t('ideas.declineTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = reason.trim();
          if (trimmed === '') setProblem(t('ideas.reasonRequired'));
          else if (trimmed.length > IDEA_STATUS_LIMITS.reason) setProblem(t('ideas.reasonTooLong', { max: IDEA_STATUS_LIMITS.reason }));
          else onDecline(trimmed);
        }}
      >
        <Stack>
          <Text size="sm">{t('ideas.declineIntro', { title })}</Text>
          <Textarea
            label={t('ideas.reason')}
            required
            autosize
            minRows={3}
            maxRows={10}
            value={reason}
            error={problem}
            data-autofocus
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setProblem(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ideas.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('ideas.moves.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
