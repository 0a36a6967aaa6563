import { Alert, Button, Container, getDefaultZIndex, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useIdentity } from '../hooks/useIdentity';
import { lazyNamed, ScreenSuspense } from '../components/lazy-screen';
import { StartScreen } from '../screens/StartScreen';
import { AppLayout } from './AppLayout';
import { LanguageLoader } from './LanguageLoader';
import { StorageGate } from './StorageGate';
import { createAppTheme, cssVariablesResolver } from './theme';

// An open workspace (sync, membership, its screens) and the first-run setup load only when they are needed.
const WorkspaceScreen = lazyNamed(() => import('../screens/WorkspaceScreen'), 'WorkspaceScreen');
const IdentitySetupScreen = lazyNamed(() => import('../screens/IdentitySetupScreen'), 'IdentitySetupScreen');
// Started or reloaded inside a workspace: its code loads alongside the identity instead of after it.
if (window.location.hash.startsWith('#/w/')) void WorkspaceScreen.preload();

function ScreenError({ resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <Container size="sm">
      <Alert color="red" role="alert" title={t('errorBoundary.title')}>
        <Stack>
          <Text size="sm">{t('errorBoundary.body')}</Text>
          <Button size="xs" w="fit-content" onClick={resetErrorBoundary}>
            {t('errorBoundary.retry')}
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}

function Screens() {
  const identityState = useIdentity();
  if (identityState.status === 'loading') return null;
  if (identityState.status !== 'ready') {
    return (
      <ScreenSuspense>
        <IdentitySetupScreen damagedProblem={identityState.status === 'damaged' ? identityState.problem : undefined} />
      </ScreenSuspense>
    );
  }
  const { identity } = identityState;
  return (
    <Router hook={useHashLocation}>
      <AppLayout identity={identity}>
        <ErrorBoundary FallbackComponent={ScreenError} onError={(error) => console.error('Screen crashed', error)}>
          <Switch>
            <Route path="/w/:id" nest>
              {(params) => (
                <ScreenSuspense>
                  <WorkspaceScreen key={params.id} id={params.id} identity={identity} />
                </ScreenSuspense>
              )}
            </Route>
            <Route>
              <StartScreen identity={identity} />
            </Route>
          </Switch>
        </ErrorBoundary>
      </AppLayout>
    </Router>
  );
}

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t('common.close')), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* Above every modal and its dimmed overlay, however many are stacked. */}
      <Notifications position="bottom-right" zIndex={getDefaultZIndex('max')} />
      <StorageGate>
        <LanguageLoader>
          <Screens />
        </LanguageLoader>
      </StorageGate>
    </MantineProvider>
  );
}
