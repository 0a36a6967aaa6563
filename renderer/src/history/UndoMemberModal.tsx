import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { undoPlan } from '../../../shared/history/record-restore';
import type { HistoryEntry, WorkspaceHistory } from '../../../shared/history/workspace-history';
import { FormModal } from '../components/FormModal';
import type { RestoreOutcome } from './useRecordRestore';
import type { SignerNames } from './useSignerNames';
import type { RecordRef } from '../../../shared/history/record-restore';
import type * as Y from 'yjs';

/** Choices for "from": that person's own changes, newest first, bounded for the list. */
const MAX_MOMENTS = 200;

export interface UndoMemberModalProps {
  readonly history: WorkspaceHistory;
  /** The person's key; changes signed by their devices count as theirs. */
  readonly person: string;
  readonly name: string;
  readonly names: SignerNames;
  readonly dateFormat: Intl.DateTimeFormat;
  /** An entry in words, to tell the moments apart. */
  readonly describe: (entry: HistoryEntry) => string;
  readonly restore: (source: Y.Doc, records: readonly RecordRef[]) => Promise<RestoreOutcome>;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/** An administrator undoes every change one person made from a chosen moment on, keeping everyone else's work (shared/history/record-restore.ts). */
export function UndoMemberModal({ history, person, name, names, dateFormat, describe, restore, onClose, onDone }: UndoMemberModalProps) {
  const { t } = useTranslation();
  const theirs = useMemo(() => history.entries.filter((e) => names.personOf(e.signer) === person && !e.refused), [history, names, person]);
  const signers = useMemo(() => new Set(theirs.map((e) => e.signer)), [theirs]);
  const moments = useMemo(() => theirs.slice(-MAX_MOMENTS).reverse().map((e) => ({ value: String(e.index), label: `${dateFormat.format(e.at)} · ${describe(e)}` })), [theirs, dateFormat, describe]);
  const [from, setFrom] = useState<string | null>(moments.at(-1)?.value ?? null);
  const [busy, setBusy] = useState(false);
  const summary = useMemo(() => {
    if (from === null) return undefined;
    const plan = undoPlan(history, signers, Number(from));
    plan.without.destroy();
    return { changes: plan.undone, records: plan.records.length };
  }, [history, signers, from]);

  const submit = async () => {
    if (from === null) return;
    setBusy(true);
    const plan = undoPlan(history, signers, Number(from));
    try {
      const outcome = await restore(plan.without, plan.records);
      const count = outcome.written.length;
      if (outcome.refused.length > 0) notifications.show({ color: 'orange', message: t('history.undoPartly', { count, refused: outcome.refused.length }), autoClose: false });
      else notifications.show({ message: count === 0 ? t('history.undoNothing') : t('history.undoDone', { count }) });
      onDone();
      onClose();
    } catch (error) {
      console.error('Undo failed', error);
      notifications.show({ color: 'red', message: t('history.failed', { problem: String(error) }), autoClose: false });
    } finally {
      plan.without.destroy();
      setBusy(false);
    }
  };

  return (
    <FormModal title={t('history.undoTitle', { name })} onClose={onClose} onSubmit={() => void submit()} submitLabel={t('history.undoConfirm')} cancelLabel={t('history.cancel')} busy={busy} submitDisabled={from === null || summary?.records === 0}>
      <Text size="sm">{t('history.undoIntro', { name })}</Text>
      <Select label={t('history.undoSince')} data={moments} value={from} onChange={setFrom} allowDeselect={false} searchable />
      {summary && <Text size="sm">{t('history.undoSummary', { name, changes: summary.changes, records: summary.records })}</Text>}
    </FormModal>
  );
}
