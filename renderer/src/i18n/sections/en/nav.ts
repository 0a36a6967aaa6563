import type { Widen } from '../../locale-shape';
import type { navNl } from '../nav';

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
  loadingScreen: 'Loading screen…',
  blocks: {
    connect: 'Connect',
    contribute: 'Contribute',
    collaborate: 'Collaborate',
    create: 'Create together',
  },
};
