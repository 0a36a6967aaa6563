import type { Widen } from '../../locale-shape';
import type { commentsNl } from '../comments';

export const commentsEn: Widen<typeof commentsNl> = {
  title: 'Comments',
  none: 'No comments yet.',
  field: 'Your comment',
  placeholder: 'Write a comment…',
  submit: 'Comment',
  required: 'Write something first.',
  tooLong: 'At most {{max}} characters.',
  edit: 'Edit',
  editLabel: 'Edit comment',
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  deleteConfirm: 'Delete this comment?',
  deleteYes: 'Yes, delete',
  edited: 'edited',
  unknownAuthor: 'Unknown member',
  byAt: '{{name}} · {{date}}',
  damaged: 'A comment cannot be read ({{problem}}).',
  failed: 'The comment could not be saved: {{message}}',
};
