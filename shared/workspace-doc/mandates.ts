/**
 * Mandates in the workspace document: where the records of
 * shared/mandates/ (the design and wire format: mandate-record.ts; who holds
 * a mandate: mandate-state.ts; who may add what: mandate-rules.ts) are kept.
 *
 *   mandates: Y.Map<key, value>
 *     <recordId>           string: a signed mandate record (SKD1.…), added only
 *     ["orgId","memberId"] Mandate: an entry from before signed mandates
 *
 * One key per signed record, added only, like the membership root: two
 * grants, a grant and a confirmation, or a grant and a revocation made at
 * the same time on two devices are two keys, so neither is lost, and the
 * reader resolves the set. A mandate is never deleted, only revoked by a
 * later record.
 *
 * The old entries (one per organisation and member, which any member of the
 * organisation could write for anyone of it, themself included) are still
 * read: in a workspace from before proven membership ("open") they count as
 * they did, and that is the only place the app still writes them
 * (grantMandate, revokeMandate); with proven membership they are shown as
 * "niet bevestigd" and do not count. Their reader checks grantor and holder
 * against the organisations the profiles resolve to, because a peer's device
 * need not run this code.
 */
import { z } from 'zod';
import { STANCE_LIMITS } from '../goals/stance';
import { checkMandateRecord, MandateRecordError, signMandateRecord, type VerifiedMandateRecord } from '../mandates/mandate-record';
import { mandateActionRefusal, mandatePayloadFor, type MandateAction, type MandateActionRefusal, type MandateActor } from '../mandates/mandate-rules';
import { resolveMandates, type MandateAuthority, type MandateState, type OrganisationRef } from '../mandates/mandate-state';
import { organisationIdOf, readMembers, type Member } from './members';
import { readMeta } from './meta';
import { readOrganisations } from './organisations';
import { readWith, type ReadResult } from './read-result';
import { mandatesMap } from './schema';
import type * as Y from 'yjs';
import { StroomkringError } from '../errors/stroomkring-error';

const idSchema = z.string().min(1).max(STANCE_LIMITS.id);

export const MandateSchema = z.object({
  organisationId: idSchema,
  memberId: idSchema,
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  grantedBy: idSchema,
  at: z.number().int().nonnegative(),
});
export type Mandate = z.infer<typeof MandateSchema>;

export class MandateNotAllowedError extends StroomkringError {
  override readonly name = 'MandateNotAllowedError';
  constructor(
    readonly organisationId: string,
    readonly memberId: string,
    readonly reason: 'grantorNotInOrganisation' | 'holderNotInOrganisation',
  ) {
    super(`Member ${memberId} cannot ${reason === 'grantorNotInOrganisation' ? 'grant mandates for' : 'hold a mandate for'} organisation ${organisationId}`);
  }
}

export function mandateKey(organisationId: string, memberId: string): string {
  return JSON.stringify([organisationId, memberId]);
}

/** Each readable member's organisation id, as the workspace resolves it now. */
function membershipOf(doc: Y.Doc): Map<string, { member: Member; organisationId: string | undefined }> {
  const organisations = readOrganisations(doc).flatMap((read) => (read.ok ? [read.value] : []));
  const result = new Map<string, { member: Member; organisationId: string | undefined }>();
  for (const read of readMembers(doc)) if (read.ok) result.set(read.id, { member: read.value, organisationId: organisationIdOf(read.value, organisations) });
  return result;
}

function assertMayGrant(doc: Y.Doc, organisationId: string, grantedBy: string, memberId: string): Member {
  const members = membershipOf(doc);
  if (members.get(grantedBy)?.organisationId !== organisationId) throw new MandateNotAllowedError(organisationId, grantedBy, 'grantorNotInOrganisation');
  const holder = members.get(memberId);
  if (holder?.organisationId !== organisationId) throw new MandateNotAllowedError(organisationId, memberId, 'holderNotInOrganisation');
  return holder.member;
}

/** Gives `memberId` the mandate to speak for `organisationId`, with the public key from their member entry. */
export function grantMandate(doc: Y.Doc, organisationId: string, memberId: string, by: { memberId: string; now: number }): void {
  const holder = assertMayGrant(doc, organisationId, by.memberId, memberId);
  const mandate: Mandate = { organisationId, memberId, publicKey: holder.publicKey, grantedBy: by.memberId, at: by.now };
  mandatesMap(doc).set(mandateKey(organisationId, memberId), MandateSchema.parse(mandate));
}

export function revokeMandate(doc: Y.Doc, organisationId: string, memberId: string, by: { memberId: string }): void {
  const grantor = membershipOf(doc).get(by.memberId);
  if (grantor?.organisationId !== organisationId) throw new MandateNotAllowedError(organisationId, by.memberId, 'grantorNotInOrganisation');
  mandatesMap(doc).delete(mandateKey(organisationId, memberId));
}

/** A signed record's key (its record id) as opposed to an old entry's. */
const isRecordKey = (key: string): boolean => /^[0-9a-f]{32}$/.test(key);

/** Every entry from before signed mandates, checked for shape, key and membership; damaged or unauthorised ones are reported. */
export function readMandates(doc: Y.Doc): ReadResult<Mandate>[] {
  const members = membershipOf(doc);
  const results: ReadResult<Mandate>[] = [];
  mandatesMap(doc).forEach((raw, key) => {
    if (isRecordKey(key)) return;
    const read = readWith(MandateSchema, key, raw);
    if (!read.ok) return results.push(read);
    const mandate = read.value;
    if (mandateKey(mandate.organisationId, mandate.memberId) !== key) return results.push({ ok: false, id: key, problem: 'mandate does not match its key' });
    if (members.get(mandate.grantedBy)?.organisationId !== mandate.organisationId) return results.push({ ok: false, id: key, problem: 'granted by someone outside the organisation' });
    const holder = members.get(mandate.memberId);
    if (holder?.organisationId !== mandate.organisationId) return results.push({ ok: false, id: key, problem: 'holder is not in the organisation' });
    if (holder.member.publicKey !== mandate.publicKey) return results.push({ ok: false, id: key, problem: 'public key differs from the member' });
    return results.push(read);
  });
  return results.sort((a, b) => a.id.localeCompare(b.id));
}

/** What the mandate screens and the adoption rule read: the resolved state, and how many entries are damaged (unreadable, or a signature that does not hold). */
export interface WorkspaceMandates {
  readonly state: MandateState;
  readonly organisations: readonly OrganisationRef[];
  readonly workspaceId: string | undefined;
  readonly damaged: number;
}

/** Reads and verifies every mandate entry and resolves them (mandate-state.ts) for the given member list. */
export async function readWorkspaceMandates(doc: Y.Doc, authority: MandateAuthority): Promise<WorkspaceMandates> {
  const texts: unknown[] = [];
  mandatesMap(doc).forEach((raw, key) => {
    if (isRecordKey(key)) texts.push(raw);
  });
  const records: VerifiedMandateRecord[] = [];
  let damaged = 0;
  for (const text of texts) {
    const checked = typeof text === 'string' ? await checkMandateRecord(text) : new MandateRecordError('unreadable', 'not a string');
    if (checked instanceof MandateRecordError) damaged += 1;
    else records.push(checked);
  }
  const legacy = readMandates(doc);
  const legacyOk = legacy.flatMap((read) => (read.ok ? [read.value] : []));
  damaged += legacy.length - legacyOk.length;
  const organisations = readOrganisations(doc).flatMap((read) => (read.ok ? [{ id: read.value.id, name: read.value.name }] : []));
  const meta = readMeta(doc);
  const workspaceId = meta.ok ? meta.meta.workspaceId : undefined;
  const state = resolveMandates({ workspaceId: workspaceId ?? '', authority, organisations, records, legacy: legacyOk });
  return { state, organisations, workspaceId, damaged };
}

export class MandateActionError extends StroomkringError {
  override readonly name = 'MandateActionError';
  constructor(readonly refusal: MandateActionRefusal | 'noWorkspaceId') {
    super(`Mandate action refused: ${refusal}`);
  }
}

/**
 * Signs the record for `action` with the member's key and adds it, after the
 * same check the receive path makes (and what would not count); throws
 * MandateActionError saying why not.
 */
export async function takeMandateAction(doc: Y.Doc, mandates: WorkspaceMandates, actor: MandateActor & { readonly privateKey: CryptoKey }, action: MandateAction, now: number): Promise<void> {
  const refusal = mandateActionRefusal(mandates.state, mandates.organisations, actor, action);
  if (refusal) throw new MandateActionError(refusal);
  if (mandates.workspaceId === undefined) throw new MandateActionError('noWorkspaceId');
  const record = await signMandateRecord(mandatePayloadFor(action, actor, mandates.workspaceId, now), actor.privateKey);
  const map = mandatesMap(doc);
  if (map.get(record.id) !== record.text) map.set(record.id, record.text);
}
