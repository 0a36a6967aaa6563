/**
 * The sections of a workspace and how the navigation groups them: the
 * overview and the dashboard on their own, then the four building blocks in
 * the order a region works through them (connect, contribute, collaborate,
 * create together). Paths are relative to /w/:id.
 */
export const SECTIONS = [
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

export type Section = (typeof SECTIONS)[number];
export type SectionKey = Section['key'];
export type SectionPath = Section['path'];

export type BuildingBlock = 'connect' | 'contribute' | 'collaborate' | 'create';

export interface NavigationGroup {
  /** Undefined for the group above the building blocks (overview, dashboard). */
  readonly block: BuildingBlock | undefined;
  readonly sections: readonly Section[];
}

const BLOCK_OF: Record<SectionKey, BuildingBlock | undefined> = {
  activity: undefined,
  dashboard: undefined,
  organisations: 'connect',
  people: 'connect',
  network: 'connect',
  interests: 'contribute',
  documents: 'contribute',
  rooms: 'contribute',
  goals: 'collaborate',
  ideas: 'create',
  groups: 'create',
};

const GROUP_ORDER: readonly (BuildingBlock | undefined)[] = [undefined, 'connect', 'contribute', 'collaborate', 'create'];

export const NAVIGATION_GROUPS: readonly NavigationGroup[] = GROUP_ORDER.map((block) => ({ block, sections: SECTIONS.filter((section) => BLOCK_OF[section.key] === block) }));

/** The section a location (relative to /w/:id) belongs to; a detail screen belongs to its list's section. */
export function sectionOf(location: string): SectionPath {
  const match = SECTIONS.find((section) => section.path !== '/' && (location === section.path || location.startsWith(`${section.path}/`)));
  return match?.path ?? '/';
}
