import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * Re-reads a value from a Y.Doc after every update to it (local or from a
 * peer). Readers validate, so whatever a peer wrote cannot throw here.
 * With `isEqual`, a value equal to the last one keeps the last one, so the
 * component does not re-render for an update elsewhere in the document.
 * Screens of the workspace document read through the read model instead
 * (renderer/src/read-model); this serves rooms and what has not moved yet.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, isEqual?: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    const refresh = () => {
      const next = read(doc);
      setValue((previous) => (isEqual?.(previous, next) ? previous : next));
    };
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc, read, isEqual]);
  return value;
}
