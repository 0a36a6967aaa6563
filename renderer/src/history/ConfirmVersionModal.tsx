import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before a record takes an earlier content back: later changes to it are overwritten (they stay in the history). */
export function ConfirmVersionModal({ text, date, onClose, onConfirm }: { text: { kind: string; label: string }; date: string; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('history.confirmVersionTitle')}>
      <Stack>
        <Text>{t('history.confirmVersion', { ...text, date })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('history.cancel')}
          </Button>
          <Button onClick={onConfirm}>{t('history.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
