import { Box, Flex } from '@mantine/core';
import type { ReactNode } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { lazyNamed, ScreenSuspense } from '../components/lazy-screen';
import { useWorkspace } from '../contexts/workspace-context';
import { WorkspaceNav } from './WorkspaceNav';
import { sectionOf, type SectionPath } from './workspace-sections';

// Each screen is its own chunk: charts, the network graph and the editor load only where they are shown.
const ActivityPanel = lazyNamed(() => import('../activity/ActivityPanel'), 'ActivityPanel');
const DashboardPanel = lazyNamed(() => import('../dashboard/DashboardPanel'), 'DashboardPanel');
const DocumentLibrary = lazyNamed(() => import('../documents/DocumentLibrary'), 'DocumentLibrary');
const GoalView = lazyNamed(() => import('../goals/GoalView'), 'GoalView');
const GoalsPanel = lazyNamed(() => import('../goals/GoalsPanel'), 'GoalsPanel');
const WorkingGroupView = lazyNamed(() => import('../groups/WorkingGroupView'), 'WorkingGroupView');
const WorkingGroupsPanel = lazyNamed(() => import('../groups/WorkingGroupsPanel'), 'WorkingGroupsPanel');
const HistoryPanel = lazyNamed(() => import('../history/HistoryPanel'), 'HistoryPanel');
const IdeasPanel = lazyNamed(() => import('../ideas/IdeasPanel'), 'IdeasPanel');
const InterestsPanel = lazyNamed(() => import('../interests/InterestsPanel'), 'InterestsPanel');
const NetworkPanel = lazyNamed(() => import('../network/NetworkPanel'), 'NetworkPanel');
const OrganisationsPanel = lazyNamed(() => import('../organisations/OrganisationsPanel'), 'OrganisationsPanel');
const DirectoryPanel = lazyNamed(() => import('../people/DirectoryPanel'), 'DirectoryPanel');
const MemberProfile = lazyNamed(() => import('../people/MemberProfile'), 'MemberProfile');
const OrganisationProfile = lazyNamed(() => import('../people/OrganisationProfile'), 'OrganisationProfile');
const RoomView = lazyNamed(() => import('../rooms/RoomView'), 'RoomView');
const RoomsPanel = lazyNamed(() => import('../rooms/RoomsPanel'), 'RoomsPanel');

/** Each section's screens: its list and, where it has one, its detail screen. */
const SECTION_SCREENS: Record<SectionPath, readonly { preload(): Promise<void> }[]> = {
  '/': [ActivityPanel],
  '/dashboard': [DashboardPanel],
  '/organisaties': [OrganisationsPanel, OrganisationProfile],
  '/mensen': [DirectoryPanel, MemberProfile],
  '/netwerk': [NetworkPanel],
  '/belangen': [InterestsPanel],
  '/documenten': [DocumentLibrary],
  '/kamers': [RoomsPanel, RoomView],
  '/doelen': [GoalsPanel, GoalView],
  '/ideeen': [IdeasPanel],
  '/werkgroepen': [WorkingGroupsPanel, WorkingGroupView],
};

/** Starts loading the code of the section at `location` (relative to /w/:id), so it is there once the workspace is. */
export function preloadSection(location: string): void {
  for (const screen of SECTION_SCREENS[sectionOf(location)]) void screen.preload();
}

export function WorkspaceSections() {
  const [location] = useLocation();
  const { doc, identity, record, membership, sync } = useWorkspace();
  return (
    <>
      {/* One boundary per section: leaving a section unmounts it at once, also while the next one's code still loads. */}
      <ScreenSuspense key={sectionOf(location)}>
      <Switch>
        <Route path="/organisaties/:organisationId">{(params) => <OrganisationProfile organisationId={params.organisationId} />}</Route>
        <Route path="/organisaties">
          <OrganisationsPanel doc={doc} memberId={identity.memberId} />
        </Route>
        <Route path="/mensen/:memberId">{(params) => <MemberProfile memberId={params.memberId} />}</Route>
        <Route path="/mensen">
          <DirectoryPanel />
        </Route>
        <Route path="/netwerk">
          <NetworkPanel />
        </Route>
        <Route path="/belangen">
          <InterestsPanel />
        </Route>
        <Route path="/documenten">
          <DocumentLibrary doc={doc} scope="workspace" />
        </Route>
        <Route path="/kamers/:roomId/geschiedenis">{(params) => <RoomView roomId={params.roomId} view="history" />}</Route>
        <Route path="/kamers/:roomId">{(params) => <RoomView roomId={params.roomId} />}</Route>
        <Route path="/kamers">
          <RoomsPanel />
        </Route>
        <Route path="/geschiedenis">
          <HistoryPanel doc={doc} documentId={record.id} kind="workspace" membership={membership} backHref="/" sealOffline={() => sync.instance?.sealOffline() ?? Promise.resolve()} />
        </Route>
        <Route path="/dashboard">
          <DashboardPanel />
        </Route>
        <Route path="/doelen/:goalId">{(params) => <GoalView goalId={params.goalId} />}</Route>
        <Route path="/doelen">
          <GoalsPanel />
        </Route>
        <Route path="/ideeen">
          <IdeasPanel />
        </Route>
        <Route path="/werkgroepen/:groupId">{(params) => <WorkingGroupView groupId={params.groupId} />}</Route>
        <Route path="/werkgroepen">
          <WorkingGroupsPanel />
        </Route>
        <Route>
          <ActivityPanel />
        </Route>
      </Switch>
      </ScreenSuspense>
    </>
  );
}

/**
 * The workspace page: the section list on the left, beside everything else
 * (title, sync status, the section's screen), so all of it is in view from
 * the top of a 1280 × 800 window. Narrower windows put the list above.
 */
export function WorkspaceLayout({ children }: { readonly children: ReactNode }) {
  const [location] = useLocation();
  return (
    <Flex gap="xl" align="flex-start" direction={{ base: 'column', sm: 'row' }}>
      {/* Beside the screen the list stays in view while a long screen scrolls; above it, it scrolls away. */}
      <Box w={{ base: '100%', sm: 200 }} pos={{ base: 'static', sm: 'sticky' }} top="calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))" style={{ flexShrink: 0 }}>
        <WorkspaceNav current={sectionOf(location)} />
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }} w="100%">
        {children}
      </Box>
    </Flex>
  );
}
