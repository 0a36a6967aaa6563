import { Alert, Anchor, Loader, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDatabase } from '../contexts/database-context';
import { useLoadedDocument } from '../hooks/useWorkspaceDoc';
import { getRoomRow } from '../storage/room-store';
import { useWorkspace } from '../contexts/workspace-context';
import { HistoryPanel } from '../history/HistoryPanel';
import { LoadedRoom } from './LoadedRoom';
import { RoomSyncContext } from './room-syncs';

/** One confidential room: loads its own document from this device (it is nowhere else here) and shows it. */
export function RoomView({ roomId, view = 'room' }: { roomId: string; view?: 'room' | 'history' }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { record, membership } = useWorkspace();
  const rooms = useContext(RoomSyncContext);
  const row = useLiveQuery(async () => (await getRoomRow(db, roomId)) ?? null, [db, roomId]);
  const belongsHere = row ? row.workspaceId === record.id : false;
  const loaded = useLoadedDocument(row && belongsHere ? row.doc : undefined);

  const back = (
    <Anchor component={Link} href="/kamers" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('rooms.back')}
    </Anchor>
  );
  if (row === undefined || (row && belongsHere && !loaded)) return <Loader aria-label={t('rooms.loading')} />;
  if (row === null || !belongsHere || !loaded) {
    return (
      <Stack>
        {back}
        <Alert color="orange" role="alert">
          {t('rooms.notFound')}
        </Alert>
      </Stack>
    );
  }
  if ('error' in loaded) {
    return (
      <Stack>
        {back}
        <Alert color="orange" role="alert">
          {t('rooms.damaged', { problem: loaded.error })}
        </Alert>
      </Stack>
    );
  }
  if (view === 'history') {
    return (
      <HistoryPanel
        doc={loaded.doc}
        documentId={roomId}
        kind="room"
        membership={membership}
        backHref={`/kamers/${encodeURIComponent(roomId)}`}
        sealOffline={() => rooms?.get(roomId)?.instance?.sealOffline() ?? Promise.resolve()}
      />
    );
  }
  return (
    <Stack>
      {back}
      <LoadedRoom roomId={roomId} titleHint={row.title} roomDoc={loaded.doc} />
    </Stack>
  );
}
