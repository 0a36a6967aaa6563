import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import { lazyNamed, ScreenSuspense } from '../components/lazy-screen';
import { useWorkspace } from '../contexts/workspace-context';

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

/** The sections of a workspace, in the order of the four building blocks; paths are relative to /w/:id. */
const SECTIONS = [
  { key: 'activity', path: '/' },
  { key: 'dashboard', path: '/dashboard' },
  { key: 'organisations', path: '/organisaties' },
  { key: 'people', path: '/mensen' },
  { key: 'network', path: '/netwerk' },
  { key: 'interests', path: '/belangen' },
  { key: 'documents', path: '/documenten' },
  { key: 'rooms', path: '/kamers' },
  { key: 'goals', path: '/doelen' },
  { key: 'ideas', path: '/ideeen' },
  { key: 'groups', path: '/werkgroepen' },
] as const;

type SectionPath = (typeof SECTIONS)[number]['path'];

function sectionOf(location: string): SectionPath {
  const match = SECTIONS.find((section) => section.path !== '/' && (location === section.path || location.startsWith(`${section.path}/`)));
  return match?.path ?? '/';
}

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
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const { doc, identity, record, membership, sync } = useWorkspace();
  return (
    <>
      <Tabs value={sectionOf(location)} onChange={(value) => value && navigate(value)} keepMounted={false}>
        <Tabs.List aria-label={t('nav.label')}>
          {SECTIONS.map((section) => (
            <Tabs.Tab key={section.key} value={section.path}>
              {t(`nav.${section.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
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
