/**
 * Mandates: which members may speak for an organisation on goals.
 *
 *   mandates: Y.Map<key, Mandate>   key = JSON.stringify([organisationId, memberId])
 *
 * A flat map rather than one nested map per organisation: the first two
 * grants for an organisation made at the same time on two devices would each
 * create the nested map, and one of them would be lost. With one key per
 * (organisation, member) every concurrent grant survives, and granting the
 * same person twice is the same key.
 *
 * Only members of the organisation (organisationIdOf) may grant or revoke,
 * and only to members of that organisation. The writer refuses others, and
 * the reader checks again, because a peer's device need not run this code:
 * a mandate whose grantor or holder is not (or no longer) in the
 * organisation is reported and does not count.
 */
import { z } from 'zod';
import type { MandateHolder } from '../goals/adoption';
import { STANCE_LIMITS } from '../goals/stance';
import { organisationIdOf, readMembers, type Member } from './members';
import { readOrganisations } from './organisations';
import { readWith, type ReadResult } from './read-result';
import { mandatesMap } from './schema';
import type * as Y from 'yjs';

const idSchema = z.string().min(1).max(STANCE_LIMITS.id);

export const MandateSchema = z.object({
  organisationId: idSchema,
  memberId: idSchema,
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  grantedBy: idSchema,
  at: z.number().int().nonnegative(),
});
export type Mandate = z.infer<typeof MandateSchema>;

export class MandateNotAllowedError extends Error {
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

/** Every mandate entry, checked for shape, key and membership; damaged or unauthorised ones are reported. */
export function readMandates(doc: Y.Doc): ReadResult<Mandate>[] {
  const members = membershipOf(doc);
  const results: ReadResult<Mandate>[] = [];
  mandatesMap(doc).forEach((raw, key) => {
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

/** The mandate holders that count, per organisation: the shape evaluateAdoption takes. */
export function mandateHoldersByOrganisation(doc: Y.Doc): Map<string, MandateHolder[]> {
  const holders = new Map<string, MandateHolder[]>();
  for (const read of readMandates(doc)) {
    if (!read.ok) continue;
    const list = holders.get(read.value.organisationId) ?? [];
    list.push({ memberId: read.value.memberId, publicKey: read.value.publicKey });
    holders.set(read.value.organisationId, list);
  }
  return holders;
}
