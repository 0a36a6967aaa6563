import { CommentTextSchema } from '../../../shared/workspace-doc/comments';

/** Checks a comment text; the message key (comments.*), or undefined when fine. */
export function commentTextProblem(text: string): 'required' | 'tooLong' | undefined {
  if (text.trim() === '') return 'required';
  return CommentTextSchema.safeParse(text).success ? undefined : 'tooLong';
}
