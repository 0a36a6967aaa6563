import { useCallback, useState } from 'react';

/**
 * Checkboxes whose truth arrives asynchronously (a signed record is made,
 * then every record is verified and resolved again): a ticked box shows
 * ticked at once instead of flicking back until the new state is in. A
 * wish is dropped once the resolved state agrees with it (or the action
 * failed, `drop`), so a later change by someone else shows as it is.
 */
export function useOptimisticChecks(actualOf: (key: string) => boolean) {
  const [wanted, setWanted] = useState<ReadonlyMap<string, boolean>>(new Map());
  // Adjusting state while rendering (React's pattern for state derived from props): wishes the resolved state now agrees with are done.
  if ([...wanted].some(([key, value]) => actualOf(key) === value)) setWanted(new Map([...wanted].filter(([key, value]) => actualOf(key) !== value)));
  const want = useCallback((key: string, value: boolean) => setWanted((current) => new Map(current).set(key, value)), []);
  const drop = useCallback(
    (key: string) =>
      setWanted((current) => {
        const next = new Map(current);
        next.delete(key);
        return next;
      }),
    [],
  );
  return { checked: (key: string) => wanted.get(key) ?? actualOf(key), want, drop };
}
