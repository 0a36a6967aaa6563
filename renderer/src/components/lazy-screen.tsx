import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen's code loaded when it is first shown, so the first screen does not
 * wait for the charts, the network graph or the editor (issue 14: initial
 * JavaScript under 1 MB). `name` picks the named export of the module.
 */
// React.lazy takes components of any props; the screens' own props are checked where they are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** A dialog's code loads when it opens: nothing shows for that moment, as before the dialog appears. */
export function DialogSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

/** Shown for the moment a screen's code takes to load from disk. */
export function ScreenSuspense({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" role="status" aria-label={t('nav.loadingScreen')} />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
