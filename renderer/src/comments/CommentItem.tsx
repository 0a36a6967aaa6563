import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { COMMENT_LIMITS, deleteComment, editComment, type Comment } from '../../../shared/workspace-doc/comments';
import { useWorkspace } from '../contexts/workspace-context';
import { commentTextProblem } from './comment-text';
import { formatDate } from '../i18n/format-date';

/** One comment; its author may edit or delete it. */
export function CommentItem({ doc, comment, authorName, mine }: { doc: Y.Doc; comment: Comment; authorName: string; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const { identity } = useWorkspace();
  const [mode, setMode] = useState<'show' | 'edit' | 'confirm-delete'>('show');
  const [draft, setDraft] = useState(comment.text);
  const [problem, setProblem] = useState<string | undefined>();
  const date = formatDate(comment.createdAt, 'moment', i18n.resolvedLanguage);

  const save = () => {
    const invalid = commentTextProblem(draft);
    if (invalid) {
      setProblem(t(`comments.${invalid}`, { max: COMMENT_LIMITS.text }));
      return;
    }
    editComment(doc, comment.id, { memberId: identity.memberId, now: Date.now() }, draft);
    setMode('show');
  };

  return (
    <Paper component="li" withBorder p="xs" aria-label={t('comments.byAt', { name: authorName, date })}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('comments.byAt', { name: authorName, date })}
          {comment.editedAt !== undefined && ` · ${t('comments.edited')}`}
        </Text>
        {mode === 'edit' ? (
          <>
            <Textarea
              label={t('comments.editLabel')}
              autosize
              minRows={2}
              value={draft}
              error={problem}
              data-autofocus
              onChange={(event) => {
                setDraft(event.currentTarget.value);
                setProblem(undefined);
              }}
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setMode('show')}>
                {t('comments.cancel')}
              </Button>
              <Button size="xs" onClick={save}>
                {t('comments.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {comment.text}
          </Text>
        )}
        {mine && mode === 'show' && (
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                setDraft(comment.text);
                setMode('edit');
              }}
            >
              {t('comments.edit')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setMode('confirm-delete')}>
              {t('comments.delete')}
            </Button>
          </Group>
        )}
        {mine && mode === 'confirm-delete' && (
          <Group gap="xs" role="group" aria-label={t('comments.deleteConfirm')}>
            <Text size="sm">{t('comments.deleteConfirm')}</Text>
            <Button size="compact-xs" variant="default" onClick={() => setMode('show')}>
              {t('comments.cancel')}
            </Button>
            <Button size="compact-xs" color="red" onClick={() => deleteComment(doc, comment.id, identity.memberId)}>
              {t('comments.deleteYes')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
