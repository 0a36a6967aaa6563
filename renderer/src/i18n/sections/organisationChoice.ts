/** Choosing organisations from a whole region (goals, confidential rooms). */
export const organisationChoiceNl = {
  filter: 'Zoek een organisatie',
  all: 'Alle organisaties',
  none: 'Geen',
  chosen: '{{count}} van {{total}} gekozen',
  noMatch: 'Geen organisatie met die naam.',
} as const;
