/**
 * Every record collection of a workspace or room document, as declared in
 * its own module (collection.ts says why one declaration). The write rules
 * (shared/rules/write-rules.ts) look an entry's owner rule up here.
 */
import type { Collection, OwnerRule } from './collection';
import { commentRecords } from './comments';
import { roomDocumentRecords, workspaceDocumentRecords } from './documents';
import { goalRecords } from './goals';
import { ideaRecords } from './ideas';
import { interestRecords } from './interests';
import { introductionRecords } from './introductions';
import { memberRecords } from './members';
import { organisationRecords } from './organisations';
import { workingGroupRecords } from './working-groups';

export const DOCUMENT_COLLECTIONS: readonly Pick<Collection<unknown>, 'root' | 'owner'>[] = [
  organisationRecords,
  memberRecords,
  introductionRecords,
  interestRecords,
  workspaceDocumentRecords,
  roomDocumentRecords,
  commentRecords,
  ideaRecords,
  workingGroupRecords,
  goalRecords,
];

/** Owner rules by root; a room's library and comments are kept under the same roots, by the same rules. */
export const OWNER_RULES: ReadonlyMap<string, OwnerRule> = new Map(DOCUMENT_COLLECTIONS.map((collection) => [collection.root, collection.owner]));

/** Roots that are not record collections (workspace settings, a room's invitations and notes): shared work. */
export const SHARED_WORK: OwnerRule = { by: 'everyone', creatorField: 'createdBy' };

export function ownerRuleOf(root: string): OwnerRule {
  return OWNER_RULES.get(root) ?? SHARED_WORK;
}
