import { SectionHeading } from '../components/SectionHeading';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconPlus, IconTicket } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDatabase } from '../contexts/database-context';
import { formatMoment } from '../interests/interests-view';
import { listRooms } from '../storage/room-store';
import { useWorkspace } from '../contexts/workspace-context';
import { CreateRoomModal } from './CreateRoomModal';
import { JoinRoomModal } from './JoinRoomModal';

type Dialog = 'create' | 'join' | null;

/** The confidential rooms of this workspace that are on this device, and the ways to open or join one. */
export function RoomsPanel() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const { record } = useWorkspace();
  const rooms = useLiveQuery(() => listRooms(db, record.id), [db, record.id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const headingId = 'rooms-heading';

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('rooms.title')} intro={t('rooms.intro')}>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconTicket size={16} aria-hidden />} onClick={() => setDialog('join')}>
            {t('rooms.join')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('create')}>
            {t('rooms.create')}
          </Button>
        </Group>
      </SectionHeading>
      {rooms?.length === 0 && (
        <Paper withBorder p="lg" data-testid="rooms-empty">
          <Text>{t('rooms.empty')}</Text>
        </Paper>
      )}
      {rooms && rooms.length > 0 && (
        <Stack gap="xs" component="ul" aria-label={t('rooms.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rooms.map((room) => (
            <Paper key={room.id} withBorder p="sm" component="li">
              <Group gap="sm">
                <IconLock size={18} aria-hidden />
                <Anchor component={Link} href={`/kamers/${room.id}`} fw={600}>
                  {room.title || t('rooms.untitled')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('rooms.joinedOn', { date: formatMoment(room.joinedAt, i18n.resolvedLanguage) })}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t('rooms.syncNote')}
      </Text>
      {dialog === 'create' && <CreateRoomModal onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinRoomModal onClose={() => setDialog(null)} />}
    </Stack>
  );
}
