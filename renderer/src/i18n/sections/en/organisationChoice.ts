/** Choosing organisations from a whole region (goals, confidential rooms). */
export const organisationChoiceEn = {
  filter: 'Find an organisation',
  all: 'All organisations',
  none: 'None',
  chosen: '{{count}} of {{total}} chosen',
  noMatch: 'No organisation by that name.',
} as const;
