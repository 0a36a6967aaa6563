import { Button, CopyButton, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A code to hand over (an invite, a room code, a device link): read-only, selectable, with a copy button. */
export function CodeField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea label={label} value={value} readOnly autosize minRows={3} maxRows={6} styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }} data-testid={testId} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button onClick={copy} w="fit-content" variant="default">
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </>
  );
}
