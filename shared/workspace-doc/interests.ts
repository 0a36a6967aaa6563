/**
 * Interests on the table: per organisation of the workspace, what it wants,
 * how it goes about it, where its red lines are and what it can offer.
 *
 *   interests: Y.Map<organisationId, Y.Map>
 *     interests, strategy, redLines, offer   plain strings, written per field
 *                                            so two colleagues editing different
 *                                            fields both keep their edit
 *     updatedAt, updatedBy                   when and by which member the last change was made
 *
 * Only members of an organisation may edit its entry (canEditInterest). The
 * accessor enforces that for this app, but a CRDT cannot stop a modified
 * client from writing anyway; so the reader checks `updatedBy` against the
 * current members and flags an entry written by someone outside the
 * organisation instead of presenting it as the organisation's own.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import type { Organisation } from '../domain/organisation';
import { memberRecords, readMembers, organisationIdOf, type Member } from './members';
import { readOrganisations } from './organisations';
import type { ReadResult } from './read-result';
import { interestsMap, ROOT } from './schema';
import { byKey, defineCollection, plainMapEntry } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

/** A few paragraphs per field; position papers belong in the document library. */
export const INTEREST_FIELD_MAX = 4000;

export const INTEREST_FIELDS = ['interests', 'strategy', 'redLines', 'offer'] as const;
export type InterestField = (typeof INTEREST_FIELDS)[number];
export type InterestFields = Readonly<Record<InterestField, string>>;

const text = z.string().max(INTEREST_FIELD_MAX);

/** What a member types; trimmed and bounded. */
export const InterestInputSchema = z.object({
  interests: text,
  strategy: text,
  redLines: text,
  offer: text,
});

export const InterestEntrySchema = z.object({
  organisationId: z.string().min(1).max(64),
  interests: text.default(''),
  strategy: text.default(''),
  redLines: text.default(''),
  offer: text.default(''),
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string().min(1).max(64),
});
export type InterestEntry = z.infer<typeof InterestEntrySchema>;

/** An entry together with whether its last writer belongs to the organisation. */
export interface InterestView {
  readonly entry: InterestEntry;
  /** False when `updatedBy` is not (or no longer) a member of the organisation: shown as written by an outsider. */
  readonly byOrganisationMember: boolean;
}

export class NotOrganisationMemberError extends StroomkringError {
  override readonly name = 'NotOrganisationMemberError';
  constructor(
    readonly memberId: string,
    readonly organisationId: string,
  ) {
    super(`Member ${memberId} is not a member of organisation ${organisationId} and may not edit its interests`);
  }
}

type OrganisationRef = Pick<Organisation, 'id' | 'name'>;

/** Who may edit which organisation's interests: exactly the members that belong to it. */
export function canEditInterest(member: Member | undefined, organisationId: string, organisations: readonly OrganisationRef[]): boolean {
  if (!member) return false;
  return organisationIdOf(member, organisations) === organisationId;
}

function validMembers(doc: Y.Doc): Member[] {
  return readMembers(doc).flatMap((result) => (result.ok ? [result.value] : []));
}

function validOrganisations(doc: Y.Doc): Organisation[] {
  return readOrganisations(doc).flatMap((result) => (result.ok ? [result.value] : []));
}

/** Whether `memberId`, as the workspace document knows them now, may edit `organisationId`'s interests. */
export function mayEditInterest(doc: Y.Doc, memberId: string, organisationId: string): boolean {
  // The one member, not all of them: this runs on every save, and a region has a thousand people.
  const member = memberRecords.readOne(doc, memberId);
  return canEditInterest(member?.ok ? member.value : undefined, organisationId, validOrganisations(doc));
}

/**
 * Interest entries by organisation id: only that organisation's members write one. Whether the
 * last writer was one of them is judged by interestView against the members as they are now.
 */
export const interestRecords = defineCollection<InterestEntry>({
  root: ROOT.interests,
  owner: { by: 'organisation' },
  read: plainMapEntry(InterestEntrySchema, 'organisationId'),
  order: byKey,
});

/** An entry with whether its last writer belongs to the organisation (the trust flag readInterests sets). */
export function interestView(result: ReadResult<InterestEntry>, members: readonly Member[], organisations: readonly OrganisationRef[]): ReadResult<InterestView> {
  if (!result.ok) return result;
  const writer = members.find((member) => member.memberId === result.value.updatedBy);
  return { ok: true, id: result.id, value: { entry: result.value, byOrganisationMember: canEditInterest(writer, result.id, organisations) } };
}

/**
 * Every organisation's interests by organisation id: a valid entry with its
 * trust flag, or a damaged one. Entries of organisations no longer in the
 * workspace are returned too; the UI lists organisations and looks them up.
 */
export function readInterests(doc: Y.Doc): Map<string, ReadResult<InterestView>> {
  const members = validMembers(doc);
  const organisations = validOrganisations(doc);
  const results = new Map<string, ReadResult<InterestView>>();
  for (const result of interestRecords.readAll(doc)) results.set(result.id, interestView(result, members, organisations));
  return results;
}

/**
 * Writes the fields that changed for `organisationId`, refusing a member who
 * does not belong to it. A damaged entry (not a map) is replaced.
 */
export function writeInterest(doc: Y.Doc, organisationId: string, input: InterestFields, by: { memberId: string; now: number }): void {
  if (!mayEditInterest(doc, by.memberId, organisationId)) throw new NotOrganisationMemberError(by.memberId, organisationId);
  const fields = InterestInputSchema.parse(Object.fromEntries(INTEREST_FIELDS.map((field) => [field, input[field].trim()])));
  const map = interestsMap(doc);
  doc.transact(() => {
    let entry = map.get(organisationId);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(organisationId, entry);
    }
    const target = entry as Y.Map<unknown>;
    let changed = false;
    for (const field of INTEREST_FIELDS) {
      if (target.get(field) !== fields[field]) {
        target.set(field, fields[field]);
        changed = true;
      }
    }
    if (changed || target.get('updatedBy') === undefined) {
      target.set('updatedAt', by.now);
      target.set('updatedBy', by.memberId);
    }
  });
}
