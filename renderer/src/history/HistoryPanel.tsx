import { Alert, Anchor, Button, Group, Loader, Paper, Select, Stack, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconHistory, IconRestore } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type * as Y from 'yjs';
import { isRestorable, type RecordRef } from '../../../shared/history/record-restore';
import type { WorkspaceHistory } from '../../../shared/history/workspace-history';
import type { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import type { DocumentKind } from '../../../shared/rules/write-rules';
import { useDatabase } from '../contexts/database-context';
import { SectionHeading } from '../components/SectionHeading';
import type { historyNl } from '../i18n/sections/history';
import { ConfirmVersionModal } from './ConfirmVersionModal';
import { historyLines, NAMED_ROOTS, namedFields, type HistoryLine } from './history-lines';
import { recordText } from './record-text';
import { UndoMemberModal } from './UndoMemberModal';
import { useRecordRestore } from './useRecordRestore';
import { useSignerNames, type SignerNames } from './useSignerNames';
import { useWorkspaceHistory } from './useWorkspaceHistory';
import { dateFormatter } from '../i18n/format-date';

/** Lines drawn at once; more on request. */
const PAGE = 100;

export interface HistoryPanelProps {
  readonly doc: Y.Doc;
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly membership: WorkspaceMembership | undefined;
  /** Where "back" leads, relative to the current router base. */
  readonly backHref: string;
  /** Signs offline work so the history holds it (the document's running sync). */
  readonly sealOffline?: () => Promise<void>;
}

type Pending = { readonly line: HistoryLine; readonly record: RecordRef; readonly at: number; readonly after: number };

/** The history of a workspace or room document: every change in words, filterable, with restore and undo. */
export function HistoryPanel({ doc, documentId, kind, membership, backHref, sealOffline }: HistoryPanelProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { state, rebuild } = useWorkspaceHistory(db, doc, documentId, sealOffline);
  const names = useSignerNames(membership);
  const headingId = 'history-heading';
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('history.title')} intro={t('history.intro')}>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={rebuild}>
            {t('history.refresh')}
          </Button>
          <Anchor component={Link} href={backHref} size="sm">
            {kind === 'room' ? t('history.backToRoom') : t('history.back')}
          </Anchor>
        </Group>
      </SectionHeading>
      {state.kind === 'loading' && (
        <Group>
          <Loader size="sm" aria-hidden />
          <Text>{t('history.loading')}</Text>
        </Group>
      )}
      {state.kind === 'failed' && <Alert color="red">{t('history.failed', { problem: state.problem })}</Alert>}
      {state.kind === 'ready' && <HistoryList history={state.history} doc={doc} kind={kind} membership={membership} names={names} onRestored={rebuild} />}
    </Stack>
  );
}

function HistoryList({ history, doc, kind, membership, names, onRestored }: { history: WorkspaceHistory; doc: Y.Doc; kind: DocumentKind; membership: WorkspaceMembership | undefined; names: SignerNames; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [shown, setShown] = useState(PAGE);
  const [pending, setPending] = useState<Pending>();
  const [undoing, setUndoing] = useState(false);
  const restore = useRecordRestore(doc, membership, kind);
  const kindFilter = params.get('soort') ?? undefined;
  const person = params.get('wie') ?? undefined;
  const recordParam = params.get('onderdeel');
  const recordFilter = useMemo(() => {
    const slash = recordParam?.indexOf('/') ?? -1;
    return recordParam && slash > 0 ? { root: recordParam.slice(0, slash), key: recordParam.slice(slash + 1) } : undefined;
  }, [recordParam]);
  const lines = useMemo(
    () => historyLines(history.entries, { ...(kindFilter ? { kind: kindFilter } : {}), ...(person ? { person } : {}), ...(recordFilter ? { record: recordFilter } : {}) }, names.personOf),
    [history, kindFilter, person, recordFilter, names],
  );
  const dateFormat = dateFormatter('momentWithSeconds', i18n.resolvedLanguage);
  const setParam = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });
  const nameOf = (signer: string) => names.nameOf(signer) ?? t('history.unknownPerson');
  const fieldNames = (fields: readonly string[]) => fields.map((f) => (t as (key: string, options: { defaultValue: string }) => string)(`history.fields.${f}`, { defaultValue: f })).join(', ');

  // A record without a label leaves two spaces in the sentence.
  const describe = (line: HistoryLine): string => sentence(line).replace(/\s{2,}/g, ' ');
  const sentence = (line: HistoryLine): string => {
    const name = nameOf(line.entry.signer);
    if (line.entry.refused) return t('history.refused', { name });
    if (!line.record) return line.entry.kind === 'change' ? t('history.nothing', { name }) : t(`history.${line.entry.kind}`, { name });
    const { kind: what, label } = recordText(t, history, line.record.root, line.record.key);
    // A summary holds the work of many: it is not its signer's own change.
    if (line.entry.kind === 'checkpoint') return t(line.record.action === 'deleted' ? 'history.goneInCheckpoint' : 'history.inCheckpoint', { name, kind: what, label });
    const fields = namedFields(line.record);
    if (line.record.action === 'changed' && fields.length > 0) return t('history.changedFields', { name, kind: what, label, fields: fieldNames(fields) });
    return t(`history.${line.record.action}`, { name, kind: what, label });
  };

  const report = (record: RecordRef, outcome: Awaited<ReturnType<typeof restore>>) => {
    const text = recordText(t, history, record.root, record.key);
    if (outcome.refused.length > 0) notifications.show({ color: 'red', message: t('history.notAllowed'), autoClose: false });
    else if (outcome.written.length === 0) notifications.show({ message: t('history.unchangedToast', text) });
    else notifications.show({ message: t('history.restoredToast', text) });
    onRestored();
  };

  const restoreFrom = async (record: RecordRef, after: number) => {
    const source = history.stateAfter(after);
    try {
      report(record, await restore(source, [record]));
    } catch (error) {
      console.error('Restore failed', error);
      notifications.show({ color: 'red', message: t('history.failed', { problem: String(error) }), autoClose: false });
    } finally {
      source.destroy();
    }
  };

  const personName = person === undefined ? undefined : names.people.find((p) => p.key === person)?.name;
  const kindOptions = [...NAMED_ROOTS, 'other'].map((root) => ({ value: root, label: t(`history.kindFilters.${root as keyof typeof historyNl.kindFilters}`) }));
  return (
    <>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('history.filterKind')} data={kindOptions} value={kindFilter ?? null} placeholder={t('history.all')} clearable onChange={(value) => setParam('soort', value)} w={200} />
        <Select label={t('history.filterMember')} data={names.people.map((p) => ({ value: p.key, label: p.name }))} value={person ?? null} placeholder={t('history.everyone')} clearable searchable onChange={(value) => setParam('wie', value)} w={240} />
        {recordFilter && (
          <Group gap="xs">
            <Text size="sm">{t('history.filterRecord', { record: `${recordText(t, history, recordFilter.root, recordFilter.key).kind} ${recordText(t, history, recordFilter.root, recordFilter.key).label}` })}</Text>
            <Button size="xs" variant="subtle" onClick={() => setParam('onderdeel', null)}>
              {t('history.clearRecord')}
            </Button>
          </Group>
        )}
        {person !== undefined && personName !== undefined && names.isAdmin(membership?.selfKey) && (
          <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setUndoing(true)}>
            {t('history.undoOpen', { name: personName })}
          </Button>
        )}
      </Group>
      {lines.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{t('history.empty')}</Text>
        </Paper>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} aria-label={t('history.listLabel')} component="ol">
          {lines.slice(0, shown).map((line) => {
            const record = line.record;
            const text = record ? recordText(t, history, record.root, record.key) : undefined;
            return (
              <Timeline.Item key={line.id} component="li">
                <Text>{describe(line)}</Text>
                <Group gap="xs" mt={2}>
                  <Text size="xs" c="dimmed">
                    {line.count > 1 ? `${dateFormat.formatRange(line.since, line.entry.at)} · ${t('history.burst', { count: line.count })}` : dateFormat.format(line.entry.at)}
                  </Text>
                  {record && text && isRestorable(record.root) && !line.entry.refused && (
                    <>
                      {record.action === 'deleted' ? (
                        <Button size="compact-xs" variant="default" leftSection={<IconRestore size={12} aria-hidden />} aria-label={t('history.restoreDeletedLabel', text)} onClick={() => void restoreFrom(record, line.entry.index - 1)}>
                          {t('history.restoreDeleted')}
                        </Button>
                      ) : (
                        <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} aria-hidden />} aria-label={t('history.restoreVersionLabel', text)} onClick={() => setPending({ line, record, at: line.entry.at, after: line.entry.index })}>
                          {t('history.restoreVersion')}
                        </Button>
                      )}
                      {!recordFilter && (
                        <Button size="compact-xs" variant="subtle" leftSection={<IconHistory size={12} aria-hidden />} aria-label={t('history.showRecordLabel', text)} onClick={() => setParam('onderdeel', `${record.root}/${record.key}`)}>
                          {t('history.showRecord')}
                        </Button>
                      )}
                    </>
                  )}
                </Group>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {lines.length > shown && (
        <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
          {t('history.more', { count: lines.length - shown })}
        </Button>
      )}
      {pending && (
        <ConfirmVersionModal
          text={recordText(t, history, pending.record.root, pending.record.key)}
          date={dateFormat.format(pending.at)}
          onClose={() => setPending(undefined)}
          onConfirm={() => {
            setPending(undefined);
            void restoreFrom(pending.record, pending.after);
          }}
        />
      )}
      {undoing && person !== undefined && personName !== undefined && (
        <UndoMemberModal history={history} person={person} name={personName} names={names} dateFormat={dateFormat} describe={(entry) => describe({ id: '', entry, count: 1, since: entry.at, ...(entry.records[0] ? { record: entry.records[0] } : {}) })} restore={restore} onClose={() => setUndoing(false)} onDone={onRestored} />
      )}
    </>
  );
}
