import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A screen's code loaded when it is first shown, so the first screen does not
 * wait for the charts, the network graph or the editor (issue 14: initial
 * JavaScript under 1 MB). `name` picks the named export of the module.
 *
 * `preload()` starts loading ahead (the screen a reload lands on, while its
 * workspace loads); once loaded, the screen renders at once instead of
 * through React.lazy. A boundary that suspends at all shows its fallback for
 * at least 300 ms in React 19 (FALLBACK_THROTTLE_MS), however quickly the
 * code arrived: that was two such waits on every opening of a workspace.
 */
// React.lazy takes components of any props; the screens' own props are checked where they are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type PreloadableScreen<C extends AnyComponent> = ComponentType<ComponentProps<C>> & { preload(): Promise<void> };

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K): PreloadableScreen<M[K]> {
  let loaded: M[K] | undefined;
  let loading: Promise<{ default: M[K] }> | undefined;
  const start = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name];
        return { default: module[name] };
      },
      (error: unknown) => {
        // A failed load (a chunk missing after an update) is started again by the next preload; rendering shows the error.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(start) as unknown as ComponentType<ComponentProps<M[K]>>;
  function LazyScreen(props: ComponentProps<M[K]>) {
    const Loaded = loaded as ComponentType<ComponentProps<M[K]>> | undefined;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(LazyScreen, { preload: () => start().then(() => undefined, () => undefined) });
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
