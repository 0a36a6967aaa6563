import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { memo, useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addComment, COMMENT_LIMITS, commentRecords, commentsOn, type Comment, type CommentTarget } from '../../../shared/workspace-doc/comments';
import type { CollectionView } from '../../../shared/read-model/record-store';
import { useCollectionPart } from '../read-model/records';
import { useWorkspace } from '../contexts/workspace-context';
import { CommentItem } from './CommentItem';
import { commentTextProblem } from './comment-text';
import { useMemberNames } from './useMemberNames';
import { errorText } from '../i18n/error-text';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

export type { CommentTarget };

export interface CommentThreadProps {
  /** The document the comments live in: the workspace's, or a confidential room's. */
  readonly doc: Y.Doc;
  readonly target: CommentTarget;
}

/**
 * The comments on one document or interest, oldest first, with a form to
 * add one. Its card re-rendering (a remote change to the interest) does not
 * re-render it: the thread reads its own comments, and its form's
 * auto-sizing text field measured the page on every render.
 */
export const CommentThread = memo(CommentThreadView, (before, after) => before.doc === after.doc && before.target.kind === after.target.kind && before.target.id === after.target.id);

function CommentThreadView({ doc, target }: CommentThreadProps) {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const names = useMemberNames();
  const { kind, id } = target;
  // Keyed on the target's parts: callers build a fresh target object on every render.
  const select = useCallback((view: CollectionView<Comment>) => commentsOn(doc, view.list, { kind, id }), [doc, kind, id]);
  // From the document's read model: a comment elsewhere, or any other change, does not re-render the thread.
  const comments = useCollectionPart(commentRecords, select, doc);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const headingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = commentTextProblem(text);
    if (invalid) {
      setProblem(t(`comments.${invalid}`, { max: COMMENT_LIMITS.text }));
      return;
    }
    try {
      addComment(doc, { kind, id }, { memberId: identity.memberId, now: Date.now() }, text);
      setText('');
      setProblem(undefined);
    } catch (error) {
      setProblem(errorText(t, error) ?? t('comments.failed', { message: errorDetail(error) }));
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={4} size="h5" id={headingId}>
        {t('comments.title')}
      </Title>
      {comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('comments.none')}
        </Text>
      )}
      {comments.length > 0 && (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {comments.map((result) =>
            result.ok ? (
              <CommentItem key={result.id} doc={doc} comment={result.value} authorName={names.get(result.value.by) ?? t('comments.unknownAuthor')} mine={result.value.by === identity.memberId} />
            ) : (
              <li key={result.id}>
                <Alert color="orange" p="xs">
                  {t('comments.damaged', { problem: result.problem })}
                </Alert>
              </li>
            ),
          )}
        </Stack>
      )}
      <form noValidate onSubmit={submit}>
        <Stack gap="xs">
          <Textarea
            label={t('comments.field')}
            placeholder={t('comments.placeholder')}
            autosize
            minRows={2}
            maxRows={8}
            value={text}
            error={problem}
            onChange={(event) => {
              setText(event.currentTarget.value);
              if (problem) setProblem(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs">
              {t('comments.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
