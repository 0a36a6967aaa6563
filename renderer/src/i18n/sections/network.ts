import type { Widen } from '../locale-shape';

/** Strings for the network picture. */
export const networkNl = {
  title: 'Netwerk',
  intro: 'Wie kent wie: organisaties, mensen en hoe ze verbonden zijn. Klik op iemand om het profiel te openen.',
  filterType: 'Toon soort organisatie',
  pictureRegion: 'Netwerkplaatje',
  pictureLabel: 'Netwerkplaatje met {{organisations}} organisaties, {{people}} mensen en {{ties}} verbindingen. Dezelfde verbindingen staan als lijst hieronder.',
  legend: 'Vierkant: organisatie · rond: persoon · grijze lijn: hoort bij · groene streepjes: voorgesteld · blauwe stippen: uitgenodigd.',
  tiesTitle_one: '{{count}} verbinding',
  tiesTitle_other: '{{count}} verbindingen',
  noTies: 'Nog geen verbindingen in beeld.',
  aloneTitle_one: 'Nog zonder verbinding ({{count}})',
  aloneTitle_other: 'Nog zonder verbinding ({{count}})',
  relationMemberOf: 'hoort bij',
  relationIntroduced: 'voorgesteld aan',
  relationInvited: 'nodigde uit',
  relationSharedGroup: 'zit in een werkgroep met',
  by: 'door {{name}}',
  byWithNote: 'door {{name}}: “{{note}}”',
} as const;

export const networkEn: Widen<typeof networkNl> = {
  title: 'Network',
  intro: 'Who knows whom: organisations, people and how they are connected. Click someone to open their profile.',
  filterType: 'Show type of organisation',
  pictureRegion: 'Network picture',
  pictureLabel: 'Network picture with {{organisations}} organisations, {{people}} people and {{ties}} ties. The same ties are listed below.',
  legend: 'Square: organisation · round: person · grey line: belongs to · green dashes: introduced · blue dots: invited.',
  tiesTitle_one: '{{count}} tie',
  tiesTitle_other: '{{count}} ties',
  noTies: 'No ties in view yet.',
  aloneTitle_one: 'Not yet connected ({{count}})',
  aloneTitle_other: 'Not yet connected ({{count}})',
  relationMemberOf: 'belongs to',
  relationIntroduced: 'introduced to',
  relationInvited: 'invited',
  relationSharedGroup: 'is in a working group with',
  by: 'by {{name}}',
  byWithNote: 'by {{name}}: “{{note}}”',
};
