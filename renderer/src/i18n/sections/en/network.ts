import type { Widen } from '../../locale-shape';
import type { networkNl } from '../network';

export const networkEn: Widen<typeof networkNl> = {
  title: 'Network',
  intro: 'Who knows whom: organisations, people and how they are connected. Click someone to open their profile.',
  filterType: 'Show type of organisation',
  pictureRegion: 'Network picture',
  pictureLabel: 'Network picture with {{organisations}} organisations, {{people}} people and {{ties}} ties. The same ties are listed below.',
  legend: 'Square: organisation · round: person · grey line: belongs to · green dashes: introduced · blue dots: invited.',
  crowdedHint: 'With this many people the picture names only those that fit readably, organisations first; other names show when you point at them or zoom in. All names are in the list below.',
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
