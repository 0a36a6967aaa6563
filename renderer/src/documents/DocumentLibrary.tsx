import { Text } from '@mantine/core';
import type * as Y from 'yjs';
import type { LibraryScope } from '../../../shared/workspace-doc/documents';

export interface DocumentLibraryProps {
  /** The workspace's document, or a confidential room's. */
  readonly doc: Y.Doc;
  readonly scope: LibraryScope;
}

/** Placeholder until the document library lands. */
export function DocumentLibrary(_props: DocumentLibraryProps) {
  return <Text c="dimmed">…</Text>;
}
