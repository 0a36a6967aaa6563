import { Text } from '@mantine/core';
import type * as Y from 'yjs';

export type CommentTarget = { readonly kind: 'document' | 'interest'; readonly id: string };

export interface CommentThreadProps {
  /** The document the comments live in: the workspace's, or a confidential room's. */
  readonly doc: Y.Doc;
  readonly target: CommentTarget;
}

/** Placeholder until comments land. */
export function CommentThread(_props: CommentThreadProps) {
  return <Text c="dimmed">…</Text>;
}
