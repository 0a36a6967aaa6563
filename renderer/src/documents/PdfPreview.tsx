import { Alert, Loader, Stack, Text } from '@mantine/core';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PDF_PREVIEW_PAGES } from './preview-kind';
import { errorDetail } from '../../../shared/errors/stroomkring-error';

/** Rendered width in CSS pixels; the canvas gets device pixels on top, so text stays sharp. */
const PAGE_WIDTH = 760;

type PdfState = { phase: 'loading' } | { phase: 'shown'; pages: number } | { phase: 'failed'; message: string };

/**
 * The first pages of a PDF on <canvas>, rendered by pdf.js. The worker is a
 * file of the app itself (bundled by Vite, served from 'self'); no WebAssembly,
 * no font or CMap fetches: nothing leaves the app, nothing the CSP would refuse.
 */
export function PdfPreview({ blob, title }: { blob: Blob; title: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PdfState>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    const target = container.current;
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const data = new Uint8Array(await blob.arrayBuffer());
        const task = pdfjs.getDocument({ data, useWasm: false, enableXfa: false, isOffscreenCanvasSupported: true });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        const shown = Math.min(pdf.numPages, PDF_PREVIEW_PAGES);
        for (let number = 1; number <= shown && !cancelled; number += 1) {
          const page = await pdf.getPage(number);
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * (window.devicePixelRatio || 1) });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = '100%';
          canvas.style.maxWidth = `${PAGE_WIDTH}px`;
          canvas.style.border = '1px solid var(--mantine-color-gray-4)';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('documents.pdfPage', { page: number, pages: pdf.numPages }));
          target?.append(canvas);
          await page.render({ canvas, viewport }).promise;
          page.cleanup();
        }
        if (!cancelled) setState({ phase: 'shown', pages: pdf.numPages });
      } catch (error) {
        if (!cancelled) setState({ phase: 'failed', message: errorDetail(error) });
      }
    })();
    return () => {
      cancelled = true;
      target?.replaceChildren();
      void destroy?.();
    };
  }, [blob, t]);

  return (
    <Stack gap="xs" aria-busy={state.phase === 'loading'}>
      {state.phase === 'loading' && <Loader size="sm" aria-label={t('documents.previewLoading')} />}
      {state.phase === 'failed' && (
        <Alert color="red" role="alert">
          {t('documents.previewFailed', { message: state.message })}
        </Alert>
      )}
      {state.phase === 'shown' && state.pages > PDF_PREVIEW_PAGES && (
        <Text size="sm" c="dimmed">
          {t('documents.pdfMorePages', { shown: PDF_PREVIEW_PAGES, pages: state.pages })}
        </Text>
      )}
      <Stack gap="sm" ref={container} align="center" data-testid="pdf-pages" role="group" aria-label={title} />
    </Stack>
  );
}
