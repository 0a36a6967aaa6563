import { z } from 'zod';
import * as Y from 'yjs';
import { LIMITS } from '../domain/limits';
import { FIELD_ERRORS, optionalText, requiredText } from '../domain/text-fields';
import { readWith, type ReadResult } from './read-result';
import { membersMap, ROOT } from './schema';
import { defineCollection } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

/** Limits of the profile a member fills in per workspace. */
export const PROFILE_LIMITS = {
  /** One expertise tag: a short phrase such as "warmtenetten" or "participatie". */
  expertiseTag: 40,
  /** Enough to describe someone; a longer list stops being searchable. */
  expertiseTags: 12,
  /** An e-mail address and a phone number with a word of when to call. */
  contact: 200,
  /** "Wat ik meebreng" / "Wat ik zoek": a few sentences, as said at a first meeting. */
  freeText: 1000,
} as const;

/**
 * Who a member is, from their device identity. `invitedBy` is the member who
 * handed over the invite code: who introduced whom. A damaged value here
 * makes the whole member unreadable (permissions depend on it).
 */
const MemberCoreSchema = z.object({
  memberId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(LIMITS.displayName),
  organisationName: z.string().min(1).max(LIMITS.organisationName),
  role: z.string().max(LIMITS.role),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  joinedAt: z.number().int().nonnegative(),
  invitedBy: z.string().max(64).optional(),
  inviteId: z.string().max(64).optional(),
  /** The workspace organisation this member speaks for; unset until they (or a match by name) link one. */
  organisationId: z.string().max(64).optional(),
});
const CORE_FIELDS = Object.keys(MemberCoreSchema.shape) as (keyof z.infer<typeof MemberCoreSchema>)[];

/**
 * What a member tells about themselves in this workspace, as stored. Each
 * field is checked on its own: one a peer damaged is left out and named, the
 * member and their other fields stay visible.
 */
const PROFILE_FIELD_SCHEMAS = {
  expertise: z.array(z.string().min(1).max(PROFILE_LIMITS.expertiseTag)).max(PROFILE_LIMITS.expertiseTags),
  contact: z.string().max(PROFILE_LIMITS.contact),
  brings: z.string().max(PROFILE_LIMITS.freeText),
  seeks: z.string().max(PROFILE_LIMITS.freeText),
};
export type ProfileField = keyof typeof PROFILE_FIELD_SCHEMAS;
export const PROFILE_FIELDS = Object.keys(PROFILE_FIELD_SCHEMAS) as ProfileField[];

export const MemberSchema = MemberCoreSchema.extend({
  expertise: PROFILE_FIELD_SCHEMAS.expertise.optional(),
  contact: PROFILE_FIELD_SCHEMAS.contact.optional(),
  brings: PROFILE_FIELD_SCHEMAS.brings.optional(),
  seeks: PROFILE_FIELD_SCHEMAS.seeks.optional(),
});
export type Member = z.infer<typeof MemberSchema> & {
  /** Profile fields a peer wrote in a shape this version cannot read; absent when all are fine. */
  readonly damagedFields?: readonly ProfileField[];
};
/** What the device identity contributes to the member entry. */
export type MemberIdentity = z.infer<typeof MemberCoreSchema>;

/** What a member types into "Mijn profiel bewerken". `organisationId` '' means: match my organisation by name. */
export const ProfileInputSchema = z.object({
  organisationId: z.string().max(64, FIELD_ERRORS.invalidChoice),
  expertise: z
    .array(requiredText(PROFILE_LIMITS.expertiseTag))
    .max(PROFILE_LIMITS.expertiseTags, FIELD_ERRORS.tooLong)
    .transform(firstSpellings),
  contact: optionalText(PROFILE_LIMITS.contact),
  brings: optionalText(PROFILE_LIMITS.freeText),
  seeks: optionalText(PROFILE_LIMITS.freeText),
});
/** Tags once each, ignoring case; the first spelling wins. */
function firstSpellings(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLocaleLowerCase('nl'))) seen.set(tag.toLocaleLowerCase('nl'), tag);
  return [...seen.values()];
}

export type ProfileInput = z.input<typeof ProfileInputSchema>;
export type ProfileFields = z.output<typeof ProfileInputSchema>;

export class UnknownMemberError extends StroomkringError {
  override readonly name = 'UnknownMemberError';
  constructor(readonly memberId: string) {
    super(`No member with id ${memberId} in this workspace`);
  }
}

function readEntry(id: string, entry: unknown): ReadResult<Member> {
  if (!(entry instanceof Y.Map)) return { ok: false, id, problem: 'entry is not a map' };
  const raw = entry.toJSON() as Record<string, unknown>;
  const core = readWith(MemberCoreSchema, id, raw);
  if (!core.ok) return core;
  // Someone else's entry under this key would let a peer pose as another member.
  if (core.value.memberId !== id) return { ok: false, id, problem: 'memberId does not match its key' };
  const member: Record<string, unknown> = { ...core.value };
  const damagedFields: ProfileField[] = [];
  for (const field of PROFILE_FIELDS) {
    if (raw[field] === undefined) continue;
    const parsed = PROFILE_FIELD_SCHEMAS[field].safeParse(raw[field]);
    if (parsed.success) member[field] = parsed.data;
    else damagedFields.push(field);
  }
  if (damagedFields.length > 0) member.damagedFields = damagedFields;
  return { ok: true, id, value: member as Member };
}

/** Member profiles: each member writes only their own (the key is their member id). */
export const memberRecords = defineCollection<Member>({ root: ROOT.members, owner: { by: 'self' }, read: readEntry, order: byDisplayName });

/** Valid members by display name, damaged ones last: the order every list shows. */
export function byDisplayName(a: ReadResult<Member>, b: ReadResult<Member>): number {
  return sortKey(a).localeCompare(sortKey(b), 'nl');
}

/** Every member entry, valid or damaged, by display name. */
export function readMembers(doc: Y.Doc): ReadResult<Member>[] {
  return memberRecords.readAll(doc);
}

function sortKey(result: ReadResult<Member>): string {
  return result.ok ? result.value.displayName : `\uffff${result.id}`;
}

export function readMember(doc: Y.Doc, memberId: string): ReadResult<Member> | undefined {
  return memberRecords.readOne(doc, memberId);
}

/**
 * Writes this device's member entry: creates it once (keeping who invited
 * whom from the first write) and afterwards only refreshes the identity
 * fields; the workspace profile is left to updateOwnProfile.
 */
export function upsertSelf(doc: Y.Doc, member: MemberIdentity): void {
  const map = membersMap(doc);
  doc.transact(() => {
    let entry = map.get(member.memberId);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(member.memberId, entry);
      for (const field of CORE_FIELDS) if (member[field] !== undefined) (entry as Y.Map<unknown>).set(field, member[field]);
      return;
    }
    const existing = entry as Y.Map<unknown>;
    for (const field of ['displayName', 'organisationName', 'role', 'publicKey'] as const) {
      if (existing.get(field) !== member[field]) existing.set(field, member[field]);
    }
  });
}

/**
 * Writes the member's own workspace profile, field by field, so only what
 * changed travels. Only the member's own device calls this (the UI offers
 * editing on one's own profile only).
 */
export function updateOwnProfile(doc: Y.Doc, memberId: string, fields: ProfileFields): void {
  const entry = membersMap(doc).get(memberId);
  if (!(entry instanceof Y.Map)) throw new UnknownMemberError(memberId);
  doc.transact(() => {
    if (fields.organisationId === '') {
      if (entry.has('organisationId')) entry.delete('organisationId');
    } else if (entry.get('organisationId') !== fields.organisationId) {
      entry.set('organisationId', fields.organisationId);
    }
    const current = entry.get('expertise');
    if (JSON.stringify(current) !== JSON.stringify(fields.expertise)) entry.set('expertise', fields.expertise);
    for (const field of ['contact', 'brings', 'seeks'] as const) {
      if (entry.get(field) !== fields[field]) entry.set(field, fields[field]);
    }
  });
}

type NamedOrganisation = { readonly id: string; readonly name: string };

interface OrganisationLookup {
  readonly size: number;
  readonly ids: ReadonlySet<string>;
  readonly idsByName: ReadonlyMap<string, readonly string[]>;
}

/**
 * One lookup per organisations array, built on first use: callers resolve
 * every member against the same list, and lower-casing each organisation's
 * name for each member cost seconds in a region of 1,000 people and 200
 * organisations. The read model hands out the same array while the
 * organisations are unchanged, so the lookup lasts; a list that grew since
 * (same array, other length) gets a new one.
 */
const lookups = new WeakMap<readonly NamedOrganisation[], OrganisationLookup>();

function comparableName(name: string): string {
  return name.trim().toLocaleLowerCase('nl');
}

function lookupOf(organisations: readonly NamedOrganisation[]): OrganisationLookup {
  const cached = lookups.get(organisations);
  if (cached && cached.size === organisations.length) return cached;
  const idsByName = new Map<string, string[]>();
  for (const organisation of organisations) {
    const key = comparableName(organisation.name);
    idsByName.set(key, [...(idsByName.get(key) ?? []), organisation.id]);
  }
  const lookup = { size: organisations.length, ids: new Set(organisations.map((organisation) => organisation.id)), idsByName };
  lookups.set(organisations, lookup);
  return lookup;
}

/**
 * The organisation (by id) a member belongs to: the one they linked, else the
 * single organisation whose name matches their organisation name, ignoring case.
 */
export function organisationIdOf(member: Pick<Member, 'organisationId' | 'organisationName'>, organisations: readonly NamedOrganisation[]): string | undefined {
  const lookup = lookupOf(organisations);
  if (member.organisationId && lookup.ids.has(member.organisationId)) return member.organisationId;
  const matches = lookup.idsByName.get(comparableName(member.organisationName)) ?? [];
  return matches.length === 1 ? matches[0] : undefined;
}
