import type { Widen } from '../locale-shape';

/** Strings for the workspace shell. */
export const navNl = {
  label: 'Onderdelen van de werkruimte',
  activity: 'Overzicht',
  organisations: 'Organisaties',
  people: 'Mensen',
  network: 'Netwerk',
  interests: 'Belangen',
  documents: 'Documenten',
  rooms: 'Vertrouwelijke kamers',
  dashboard: 'Dashboard',
  goals: 'Doelen',
  ideas: 'Ideeën',
  groups: 'Werkgroepen',
} as const;

export const navEn: Widen<typeof navNl> = {
  label: 'Parts of the workspace',
  activity: 'Overview',
  organisations: 'Organisations',
  people: 'People',
  network: 'Network',
  interests: 'Interests',
  documents: 'Documents',
  rooms: 'Confidential rooms',
  dashboard: 'Dashboard',
  goals: 'Goals',
  ideas: 'Ideas',
  groups: 'Working groups',
};
