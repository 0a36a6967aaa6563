import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * Re-reads a value from a Y.Doc after every update to it (local or from a
 * peer). Readers validate, so whatever a peer wrote cannot throw here.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    const refresh = () => setValue(read(doc));
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc, read]);
  return value;
}
