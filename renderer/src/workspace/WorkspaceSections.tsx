import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import { ActivityPanel } from '../activity/ActivityPanel';
import { DashboardPanel } from '../dashboard/DashboardPanel';
import { DocumentLibrary } from '../documents/DocumentLibrary';
import { GoalView } from '../goals/GoalView';
import { GoalsPanel } from '../goals/GoalsPanel';
import { WorkingGroupView } from '../groups/WorkingGroupView';
import { WorkingGroupsPanel } from '../groups/WorkingGroupsPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { IdeasPanel } from '../ideas/IdeasPanel';
import { InterestsPanel } from '../interests/InterestsPanel';
import { NetworkPanel } from '../network/NetworkPanel';
import { OrganisationsPanel } from '../organisations/OrganisationsPanel';
import { DirectoryPanel } from '../people/DirectoryPanel';
import { MemberProfile } from '../people/MemberProfile';
import { OrganisationProfile } from '../people/OrganisationProfile';
import { RoomView } from '../rooms/RoomView';
import { RoomsPanel } from '../rooms/RoomsPanel';
import { useWorkspace } from './workspace-context';

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

function sectionOf(location: string): string {
  const match = SECTIONS.find((section) => section.path !== '/' && (location === section.path || location.startsWith(`${section.path}/`)));
  return match?.path ?? '/';
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
    </>
  );
}
