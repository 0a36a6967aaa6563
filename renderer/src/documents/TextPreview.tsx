import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatByteSize } from '../i18n/format-bytes';
import { TEXT_PREVIEW_BYTES } from './preview-kind';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/** The start of a text file, decoded as UTF-8 (invalid bytes shown as �), as preformatted text. */
export function TextPreview({ blob, title }: { blob: Blob; title: string }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<string | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    blob
      .slice(0, TEXT_PREVIEW_BYTES)
      .arrayBuffer()
      // stream: true leaves a character cut off at the end of the slice out instead of showing �.
      .then((bytes) => live && setText(new TextDecoder('utf-8').decode(bytes, { stream: blob.size > TEXT_PREVIEW_BYTES })))
      .catch((error: unknown) => live && setFailed(errorDetail(error)));
    return () => {
      live = false;
    };
  }, [blob]);
  if (failed) return <Alert color="red">{t('documents.previewFailed', { message: failed })}</Alert>;
  if (text === undefined) return <Loader size="sm" aria-label={t('documents.previewLoading')} />;
  return (
    <Stack gap="xs">
      {blob.size > TEXT_PREVIEW_BYTES && (
        <Text size="sm" c="dimmed">
          {t('documents.previewTruncated', { size: formatByteSize(TEXT_PREVIEW_BYTES, i18n.resolvedLanguage) })}
        </Text>
      )}
      {/* A figure can carry a name, a bare <pre> cannot. Not a scroll box of its own: the dialog scrolls, so keyboard users reach all of it. */}
      <figure aria-label={t('documents.textPreview', { title })} style={{ margin: 0 }}>
        <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, padding: 'var(--mantine-spacing-sm)', background: 'var(--mantine-color-gray-0)', fontSize: 13 }}>{text}</pre>
      </figure>
    </Stack>
  );
}
