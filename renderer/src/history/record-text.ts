import type { TFunction } from 'i18next';
import type { WorkspaceHistory } from '../../../shared/history/workspace-history';
import { ROOT } from '../../../shared/workspace-doc/schema';
import type { historyNl } from '../i18n/sections/history';
import { kindOf } from './history-lines';

/** How the history names a record: its kind in words and its label in quotes (empty when it has none). */
export function recordText(t: TFunction, history: WorkspaceHistory, root: string, key: string): { kind: string; label: string } {
  const kind = t(`history.kinds.${kindOf(root) as keyof typeof historyNl.kinds}`);
  // Interests are kept per organisation: named by it.
  const labelled = root === ROOT.interests ? history.labelOf(ROOT.organisations, key) : history.labelOf(root, key);
  return { kind, label: labelled === undefined ? '' : `“${labelled}”` };
}
