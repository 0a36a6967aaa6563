import { Alert, Modal, Notification, createTheme, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

/**
 * Teal for the current (stroom), amber as accent; matches the app icon.
 * Built per language because Mantine's close buttons (modals, notifications)
 * have no text of their own and need a translated accessible name.
 */
export function createAppTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'teal',
    // Shade 9 keeps white button text above WCAG AA contrast (4.5:1) on teal.
    primaryShade: { light: 9, dark: 5 },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    defaultRadius: 'md',
    // Whoever asks the system for reduced motion gets modals and notifications without fading (WCAG 2.3.3).
    respectReducedMotion: true,
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      // A light alert's title takes the alert colour (orange.6 on orange.0 is 3.6:1); body text colour passes AA.
      Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}

/** Mantine's default dimmed grey (gray.6) fails WCAG AA on white; gray.7 passes comfortably. */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  // Field errors in Mantine's red.6 are 3.3:1 on white; red.9 passes AA (5.4:1).
  light: { '--mantine-color-dimmed': resolvedTheme.colors.gray[7] ?? '#495057', '--mantine-color-error': resolvedTheme.colors.red[9] ?? '#c92a2a' },
  dark: {},
});
