import type { Widen } from '../../locale-shape';
import type { interestsNl } from '../interests';

export const interestsEn: Widen<typeof interestsNl> = {
  title: 'Interests on the table',
  intro: 'Each organisation shows here what its interests are, how it works, where its red lines are and what it can offer. Only members of an organisation edit its interests; everyone can comment.',
  empty: 'There are no organisations in this workspace yet. Add them under Organisations.',
  notLinked: 'You are not linked to an organisation of this workspace yet, so you cannot edit interests. Add your organisation under Organisations, with the same name as in your profile.',
  own: 'Your organisation',
  fields: {
    interests: 'Interests',
    strategy: 'Strategy',
    redLines: 'Red lines',
    offer: 'What we can offer',
  },
  hints: {
    interests: 'What does your organisation stand for in the energy transition?',
    strategy: 'How do you go about it, which choices do you make?',
    redLines: 'What is non-negotiable for you?',
    offer: 'What can you bring: land, grid capacity, knowledge, money, people?',
  },
  notFilled: 'Not filled in yet.',
  nothingYet: 'This organisation has not put its interests on the table yet.',
  updated: 'Updated by {{name}} on {{date}}',
  foreignTitle: 'Edited by someone outside the organisation',
  foreignBody: 'The last change was made by {{name}}, who does not belong to {{organisation}}. So this text is not confirmed by {{organisation}}.',
  unknownMember: 'an unknown member',
  damaged: 'The interests of this organisation arrived damaged ({{problem}}). A member of the organisation can save them again.',
  edit: 'Edit',
  editNamed: 'Edit the interests of {{name}}',
  editTitle: 'Interests of {{name}}',
  onlyMembers: 'Only members of {{name}} can edit this.',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'The interests of {{name}} were saved.',
  tooLong: 'At most {{max}} characters.',
  notAllowed: 'You cannot edit the interests of this organisation: you do not (or no longer) belong to it.',
};
