import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addRoomNote, readRoomNotes, removeRoomNote, ROOM_LIMITS } from '../../../shared/rooms/room-doc';
import { useDocValue } from '../hooks/useDocValue';
import { formatMoment } from '../interests/interests-view';

/** Short notes only the room's members see: positions, margins, what was said in the room. */
export function RoomNotes({ roomDoc, nameOf, memberId }: { roomDoc: Y.Doc; nameOf: (memberId: string) => string; memberId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useDocValue(roomDoc, readRoomNotes);
  const [text, setText] = useState('');
  const tooLong = text.trim().length > ROOM_LIMITS.note;

  const add = () => {
    if (text.trim() === '' || tooLong) return;
    addRoomNote(roomDoc, text, { memberId, now: Date.now() });
    setText('');
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="room-notes">
      <Stack gap="sm">
        <Title order={3} size="h5" id="room-notes">
          {t('rooms.notesTitle')}
        </Title>
        {notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('rooms.notesEmpty')}
          </Text>
        )}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('rooms.notesTitle')}>
          {notes.map((note) =>
            note.ok ? (
              <li key={note.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {note.value.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('rooms.noteBy', { name: nameOf(note.value.createdBy), date: formatMoment(note.value.createdAt, i18n.resolvedLanguage) })}
                    </Text>
                  </div>
                  {note.value.createdBy === memberId && (
                    <ActionIcon variant="subtle" color="gray" aria-label={t('rooms.noteRemove')} onClick={() => removeRoomNote(roomDoc, note.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </li>
            ) : (
              <li key={note.id}>
                <Alert color="orange">{t('rooms.noteDamaged', { problem: note.problem })}</Alert>
              </li>
            ),
          )}
        </Stack>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <Stack gap="xs">
            <Textarea label={t('rooms.noteLabel')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={2} maxRows={6} error={tooLong ? t('rooms.tooLong', { max: ROOM_LIMITS.note }) : undefined} />
            <Button type="submit" size="xs" w="fit-content" disabled={text.trim() === ''}>
              {t('rooms.noteAdd')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
