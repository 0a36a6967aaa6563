import { Alert, Button, Group, Image, Loader, Modal, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from '../../../shared/workspace-doc/documents';
import { useDatabase } from '../contexts/database-context';
import { readFileBlob } from '../files/file-store';
import { formatByteSize } from '../i18n/format-bytes';
import { PdfPreview } from './PdfPreview';
import { PDF_PREVIEW_MAX_BYTES, previewKind, safePreviewType } from './preview-kind';
import { TextPreview } from './TextPreview';

/** An image from a Blob through an object URL that is revoked when the preview closes. */
function ImagePreview({ blob, title }: { blob: Blob; title: string }) {
  const { t } = useTranslation();
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    if (image.current) image.current.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return <Image ref={image} alt={t('documents.imageAlt', { title })} fit="contain" mah="70vh" />;
}

/** The stored bytes of one version, previewed in the app when we have a viewer for the type; otherwise it says so and offers saving. */
export function PreviewModal({ title, version, onSave, onClose }: { title: string; version: DocumentVersion; onSave: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const kind = previewKind(version.type, version.fileName);
  const [blob, setBlob] = useState<Blob | null | undefined>();
  useEffect(() => {
    let live = true;
    if (kind === 'none') return;
    readFileBlob(db, version.hash, safePreviewType(kind, version.type, version.fileName))
      .then((found) => live && setBlob(found ?? null))
      .catch((error: unknown) => {
        console.error('Reading a stored file failed', error);
        if (live) setBlob(null);
      });
    return () => {
      live = false;
    };
  }, [db, kind, version.hash, version.type, version.fileName]);

  let body;
  if (kind === 'none') body = <Alert color="gray">{t('documents.previewUnsupported', { type: version.type || version.fileName })}</Alert>;
  else if (blob === undefined) body = <Loader size="sm" aria-label={t('documents.previewLoading')} />;
  else if (blob === null) body = <Alert color="orange">{t('documents.previewMissing')}</Alert>;
  else if (kind === 'image') body = <ImagePreview blob={blob} title={title} />;
  else if (kind === 'text') body = <TextPreview blob={blob} title={title} />;
  else if (blob.size > PDF_PREVIEW_MAX_BYTES) body = <Alert color="gray">{t('documents.pdfTooLarge', { size: formatByteSize(blob.size, i18n.resolvedLanguage) })}</Alert>;
  else body = <PdfPreview blob={blob} title={title} />;

  return (
    <Modal opened onClose={onClose} title={t('documents.previewTitle', { title })} size="xl">
      <Stack>
        {body}
        <Group justify="flex-end">
          <Button variant="default" onClick={onSave}>
            {t('documents.saveHint')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
