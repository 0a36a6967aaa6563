import type { Widen } from '../locale-shape';

/** Strings for the activity view. */
export const activityNl = {
  title: 'Wat is er nieuw',
  since: 'Veranderingen door je partners sinds je vorige bezoek ({{date}}).',
  firstVisit: 'Je eerste bezoek: dit is wat je partners tot nu toe hebben gedaan.',
  empty: 'Niets nieuws sinds je vorige bezoek.',
  emptyFirst: 'Hier is nog niets gebeurd. Nodig partners uit en voeg organisaties toe.',
  listLabel: 'Veranderingen, nieuwste eerst',
  someone: 'Iemand',
  unknownOrganisation: 'een organisatie',
  unknownDocument: 'een document',
  memberJoined: '{{name}} doet mee',
  memberJoinedInvited: '{{name}} is erbij gekomen, uitgenodigd door {{by}}',
  organisationAdded: 'Nieuwe organisatie: {{organisation}}, toegevoegd door {{name}}',
  organisationUpdated: 'Het profiel van {{organisation}} is bijgewerkt',
  documentAdded: '{{name}} deelde het document {{document}}',
  documentVersion: '{{name}} voegde versie {{version}} van {{document}} toe',
  introduction: '{{name}} stelde {{a}} voor aan {{b}}',
  interestsUpdated: '{{name}} werkte de belangen van {{organisation}} bij',
  comment: '{{name}} plaatste een reactie',
} as const;

export const activityEn: Widen<typeof activityNl> = {
  title: "What's new",
  since: 'Changes by your partners since your last visit ({{date}}).',
  firstVisit: 'Your first visit: this is what your partners have done so far.',
  empty: 'Nothing new since your last visit.',
  emptyFirst: 'Nothing has happened here yet. Invite partners and add organisations.',
  listLabel: 'Changes, newest first',
  someone: 'Someone',
  unknownOrganisation: 'an organisation',
  unknownDocument: 'a document',
  memberJoined: '{{name}} joined',
  memberJoinedInvited: '{{name}} joined, invited by {{by}}',
  organisationAdded: 'New organisation: {{organisation}}, added by {{name}}',
  organisationUpdated: 'The profile of {{organisation}} was updated',
  documentAdded: '{{name}} shared the document {{document}}',
  documentVersion: '{{name}} added version {{version}} of {{document}}',
  introduction: '{{name}} introduced {{a}} to {{b}}',
  interestsUpdated: '{{name}} updated the interests of {{organisation}}',
  comment: '{{name}} posted a comment',
};
