import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useDatabase } from '../contexts/database-context';
import { useStorageAction } from '../hooks/useStorageAction';
import { leaveRoom } from '../storage/room-store';

/** Leaving removes the room from this device only; the other members keep theirs. */
export function LeaveRoomModal({ roomId, title, onClose }: { roomId: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [, navigate] = useLocation();
  const { run, busy } = useStorageAction();

  const confirm = async () => {
    // Leave the room's screen first, so its sync and document are released before the rows go.
    onClose();
    navigate('/kamers');
    const ok = await run(() => leaveRoom(db, roomId));
    if (ok) notifications.show({ message: t('rooms.left') });
  };

  return (
    <Modal opened onClose={onClose} title={t('rooms.leaveTitle')}>
      <Stack>
        <Text size="sm">{t('rooms.leaveBody', { name: title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rooms.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('rooms.leaveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
