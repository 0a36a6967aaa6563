import type { Widen } from '../../locale-shape';
import type { activityNl } from '../activity';

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
  memberRemoved: '{{name}} was removed from the workspace by {{by}}',
  organisationAdded: 'New organisation: {{organisation}}, added by {{name}}',
  organisationUpdated: 'The profile of {{organisation}} was updated',
  documentAdded: '{{name}} shared the document {{document}}',
  documentVersion: '{{name}} added version {{version}} of {{document}}',
  introduction: '{{name}} introduced {{a}} to {{b}}',
  interestsUpdated: '{{name}} updated the interests of {{organisation}}',
  comment: '{{name}} posted a comment',
};
