import { Button } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VerifyExportModal } from './VerifyExportModal';

/** Check an exported goal file offline, in the app: the same check as `npm run verify -- FILE`. */
export function VerifyExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('goalExport.verify.button')}
      </Button>
      {open && <VerifyExportModal onClose={() => setOpen(false)} />}
    </>
  );
}
