/**
 * Introductions: a member introduces two others to each other, or a member to
 * an organisation, with a short note. Stored under the `introductions` root:
 *
 *   introductions: Y.Map<id, Y.Map> {
 *     kind: 'members' | 'organisation',
 *     by: memberId (who introduced),
 *     a: memberId (the person introduced),
 *     b: memberId ('members') or organisationId ('organisation'),
 *     note: string, createdAt: epoch ms
 *   }
 *
 * An invite is an introduction too (the inviter introduced the invitee to
 * the workspace). It is not stored twice: `withInvites` derives it from the
 * member entries' `invitedBy`.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { FIELD_ERRORS, requiredText } from '../domain/text-fields';
import type { Member } from './members';
import type { ReadResult } from './read-result';
import { introductionsMap, ROOT } from './schema';
import { defineCollection, plainMapEntry } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

export const INTRODUCTION_LIMITS = {
  /** A short note, a few sentences: why these two should talk. */
  note: 500,
} as const;

const id = z.string().min(1).max(64);

const StoredIntroductionSchema = z
  .object({
    id,
    kind: z.enum(['members', 'organisation']),
    by: id,
    a: id,
    b: id,
    note: z.string().max(INTRODUCTION_LIMITS.note),
    createdAt: z.number().int().nonnegative(),
  })
  .refine((intro) => intro.kind !== 'members' || intro.a !== intro.b, 'introduces a member to themselves');
export type StoredIntroduction = z.infer<typeof StoredIntroductionSchema>;

/** The invite that brought member `a` into the workspace, handed over by `by`. */
export interface InviteIntroduction {
  readonly id: string;
  readonly kind: 'invite';
  readonly by: string;
  readonly a: string;
  readonly createdAt: number;
}

export type Introduction = StoredIntroduction | InviteIntroduction;

/** What a member fills in to introduce. `b` is a member id or, for kind 'organisation', an organisation id. */
export const IntroductionInputSchema = z
  .object({
    kind: z.enum(['members', 'organisation'], FIELD_ERRORS.invalidChoice),
    a: z.string().min(1, FIELD_ERRORS.required).max(64),
    b: z.string().min(1, FIELD_ERRORS.required).max(64),
    note: requiredText(INTRODUCTION_LIMITS.note),
  })
  .refine((input) => input.kind !== 'members' || input.a !== input.b, { message: FIELD_ERRORS.invalidChoice, path: ['b'] });
export type IntroductionInput = z.input<typeof IntroductionInputSchema>;
export type IntroductionFields = z.output<typeof IntroductionInputSchema>;

export class SelfIntroductionError extends StroomkringError {
  override readonly name = 'SelfIntroductionError';
  constructor(readonly memberId: string) {
    super(`Member ${memberId} cannot introduce themselves; an introduction is made between two others`);
  }
}

/** Stored introductions: whoever made one (`by`) is the only one who changes or removes it, besides an administrator. */
export const introductionRecords = defineCollection<StoredIntroduction>({
  root: ROOT.introductions,
  owner: { by: 'creator', creatorField: 'by' },
  read: plainMapEntry(StoredIntroductionSchema),
  order: byNewestIntroduction,
});

/** Newest first, damaged ones last: the order the screens show. */
export function byNewestIntroduction(x: ReadResult<StoredIntroduction>, y: ReadResult<StoredIntroduction>): number {
  return (y.ok ? y.value.createdAt : -1) - (x.ok ? x.value.createdAt : -1);
}

/** Stored introductions, valid and damaged, newest first. */
export function readIntroductions(doc: Y.Doc): ReadResult<StoredIntroduction>[] {
  return introductionRecords.readAll(doc);
}

export function addIntroduction(doc: Y.Doc, fields: IntroductionFields, by: { memberId: string; now: number; id?: string }): string {
  if (fields.a === by.memberId || (fields.kind === 'members' && fields.b === by.memberId)) throw new SelfIntroductionError(by.memberId);
  const key = by.id ?? crypto.randomUUID();
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('kind', fields.kind);
    entry.set('by', by.memberId);
    entry.set('a', fields.a);
    entry.set('b', fields.b);
    entry.set('note', fields.note);
    entry.set('createdAt', by.now);
    introductionsMap(doc).set(key, entry);
  });
  return key;
}

/** Stored introductions plus one per member who joined by invite, newest first. */
export function withInvites(stored: readonly StoredIntroduction[], members: readonly Member[]): Introduction[] {
  const invites: InviteIntroduction[] = members.flatMap((member) =>
    member.invitedBy && member.invitedBy !== member.memberId ? [{ id: `invite:${member.memberId}`, kind: 'invite' as const, by: member.invitedBy, a: member.memberId, createdAt: member.joinedAt }] : [],
  );
  return [...stored, ...invites].sort((x, y) => y.createdAt - x.createdAt);
}

/**
 * Whether the introduction was made to this member: they are one of the two
 * introduced, or they belong to the organisation someone was introduced to.
 * `organisationId` is the member's resolved organisation (organisationIdOf).
 */
export function isIntroducedTo(intro: Introduction, memberId: string, organisationId: string | undefined): boolean {
  if (intro.a === memberId) return true;
  if (intro.kind === 'members') return intro.b === memberId;
  if (intro.kind === 'organisation') return organisationId !== undefined && intro.b === organisationId;
  return false;
}

/** Introductions a member made or was part of, for their profile. */
export function involving(intros: readonly Introduction[], memberId: string): Introduction[] {
  return intros.filter((intro) => intro.by === memberId || intro.a === memberId || (intro.kind === 'members' && intro.b === memberId));
}

/** Introductions of someone to this organisation, for its profile. */
export function toOrganisation(intros: readonly Introduction[], organisationId: string): StoredIntroduction[] {
  return intros.filter((intro): intro is StoredIntroduction => intro.kind === 'organisation' && intro.b === organisationId);
}
