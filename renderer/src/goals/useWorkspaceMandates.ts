import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { MandateAuthority } from '../../../shared/mandates/mandate-state';
import { readWorkspaceMandates, type WorkspaceMandates } from '../../../shared/workspace-doc/mandates';
import { watchDocComputation } from '../hooks/watch-doc-computation';

/** Mandate records change on a click, not per keystroke; a short wait still folds a burst of synced updates into one read. */
const MANDATES_DELAY_MS = 50;

/** The resolved mandates for the member list as it is now; undefined until the first read (or while the member list loads). */
export function useWorkspaceMandates(doc: Y.Doc, authority: MandateAuthority | undefined): WorkspaceMandates | undefined {
  const [state, setState] = useState<{ authority: MandateAuthority; value: WorkspaceMandates }>();
  useEffect(() => {
    if (authority === undefined) return undefined;
    const compute = () =>
      readWorkspaceMandates(doc, authority).catch((error: unknown) => {
        // The readers validate what peers wrote, so this is a defect here: shown as nothing resolved rather than a stale answer.
        console.error('Mandates could not be read', error);
        return undefined;
      });
    return watchDocComputation(doc, compute, (value) => value && setState({ authority, value }), { delayMs: MANDATES_DELAY_MS });
  }, [doc, authority]);
  return state?.value;
}
