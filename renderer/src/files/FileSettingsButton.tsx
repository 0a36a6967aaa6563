import { ActionIcon, Button, Group, Modal, NumberInput, Stack, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSettings } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../contexts/database-context';
import { useStorageAction } from '../hooks/useStorageAction';
import { FILE_SETTING_BOUNDS, MB, loadFileSettings, saveFileSettings, type FileSettings } from './file-settings-store';

/** A button for the library's header that opens the two file limits (automatic fetch, largest file) in megabytes. */
export function FileSettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const db = useDatabase();
  const settings = useLiveQuery(() => loadFileSettings(db), [db]);
  return (
    <>
      <Tooltip label={t('files.settingsButton')}>
        <ActionIcon variant="subtle" size="lg" aria-label={t('files.settingsButton')} onClick={() => setOpen(true)} disabled={!settings}>
          <IconSettings size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {open && settings && <FileSettingsModal settings={settings} onClose={() => setOpen(false)} />}
    </>
  );
}

function validMegabytes(value: string | number, min: number): number | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= min && n <= FILE_SETTING_BOUNDS.maxMegabytes ? n : undefined;
}

function FileSettingsModal({ settings, onClose }: { settings: FileSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { run, busy } = useStorageAction();
  const [auto, setAuto] = useState<string | number>(Math.round(settings.autoDownloadBytes / MB));
  const [hard, setHard] = useState<string | number>(Math.round(settings.hardLimitBytes / MB));
  const [submitted, setSubmitted] = useState(false);
  const autoMb = validMegabytes(auto, 0);
  const hardMb = validMegabytes(hard, FILE_SETTING_BOUNDS.minMegabytes);
  const autoError = autoMb === undefined ? t('files.settingsInvalid', { min: 0, max: FILE_SETTING_BOUNDS.maxMegabytes }) : hardMb !== undefined && autoMb > hardMb ? t('files.autoAboveHard') : null;
  const hardError = hardMb === undefined ? t('files.settingsInvalid', { min: FILE_SETTING_BOUNDS.minMegabytes, max: FILE_SETTING_BOUNDS.maxMegabytes }) : null;

  const save = async () => {
    setSubmitted(true);
    if (autoError || hardError || autoMb === undefined || hardMb === undefined) return;
    const ok = await run(() => saveFileSettings(db, { autoDownloadBytes: autoMb * MB, hardLimitBytes: hardMb * MB }));
    if (!ok) return;
    notifications.show({ message: t('files.saved') });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('files.settingsTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <NumberInput label={t('files.autoDownloadLabel')} description={t('files.autoDownloadHelp')} value={auto} onChange={setAuto} min={0} max={FILE_SETTING_BOUNDS.maxMegabytes} allowDecimal={false} error={submitted && autoError} />
          <NumberInput label={t('files.hardLimitLabel')} value={hard} onChange={setHard} min={FILE_SETTING_BOUNDS.minMegabytes} max={FILE_SETTING_BOUNDS.maxMegabytes} allowDecimal={false} error={submitted && hardError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('files.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('files.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
