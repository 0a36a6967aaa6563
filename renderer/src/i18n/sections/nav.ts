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
  loadingScreen: 'Scherm laden…',
  blocks: {
    connect: 'Verbinden',
    contribute: 'Bijdragen',
    collaborate: 'Samenwerken',
    create: 'Samen creëren',
  },
} as const;
