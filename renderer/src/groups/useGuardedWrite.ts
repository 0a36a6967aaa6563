import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { IdeaChangeNotAllowedError } from '../../../shared/workspace-doc/idea-permissions';
import { GroupChangeNotAllowedError } from '../../../shared/workspace-doc/working-group-permissions';
import { useStorageAction } from '../hooks/useStorageAction';
import { pageErrorText } from '../i18n/error-text';

/**
 * Runs a guarded write (idea-permissions.ts, working-group-permissions.ts).
 * A refusal is not a storage failure: a partner may have just changed what
 * allowed it, so it is told as such. Resolves true when the write happened.
 */
export function useGuardedWrite() {
  const { t } = useTranslation();
  const { run, busy } = useStorageAction();
  const write = useCallback(
    async (action: () => void): Promise<boolean> => {
      let refused: IdeaChangeNotAllowedError | GroupChangeNotAllowedError | undefined;
      const ok = await run(() => {
        try {
          action();
        } catch (error) {
          if (!(error instanceof IdeaChangeNotAllowedError || error instanceof GroupChangeNotAllowedError)) throw error;
          refused = error;
        }
        return Promise.resolve();
      });
      if (refused) notifications.show({ color: 'red', message: pageErrorText(t, refused) });
      return ok && refused === undefined;
    },
    [run, t],
  );
  return { write, busy };
}

/** Who writes and when, taken at the moment of writing (an event handler), never during render. */
export function stamp(memberId: string): { memberId: string; now: number } {
  return { memberId, now: Date.now() };
}
