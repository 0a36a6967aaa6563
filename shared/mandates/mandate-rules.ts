/**
 * Who may add which mandate record: one piece of code for the receive path
 * (write-rules.ts, on every change a peer sends) and the screens (which ask
 * before offering an action, and say why not).
 *
 * mandateRecordRefusal is what the receive path can decide on a change alone,
 * synchronously and whatever order records arrive in: the record is signed by
 * the member who signed the change, and that member belongs (by their signed
 * admission) to the organisation the record is for. What needs other records
 * (is the holder a member, is a confirmation by someone else than the grantor,
 * does the grant exist yet) is decided by the reader (mandate-state.ts),
 * because a confirmation may arrive before its grant: refusing it then would
 * lose it for good. mandateActionRefusal adds those checks for the screens, so
 * they never offer what would not count.
 */
import type { MandatePayload } from './mandate-record';
import { organisationOfName, type MandateState, type OrganisationRef, type PendingGrant } from './mandate-state';

/** A member as the rules see them: their key and the organisation name of their signed admission. */
export interface MandateActor {
  readonly publicKey: string;
  readonly organisationName: string;
}

export type MandateRecordRefusal = 'otherSigner' | 'otherOrganisation';

/** Why `author` may not add this record, or undefined when they may. */
export function mandateRecordRefusal(organisations: readonly OrganisationRef[], author: MandateActor, payload: MandatePayload): MandateRecordRefusal | undefined {
  if (payload.signer !== author.publicKey) return 'otherSigner';
  if (organisationOfName(organisations, author.organisationName) !== payload.organisationId) return 'otherOrganisation';
  return undefined;
}

export type MandateAction =
  | { readonly kind: 'grant'; readonly organisationId: string; readonly holderKey: string }
  | { readonly kind: 'confirm'; readonly grant: PendingGrant }
  | { readonly kind: 'revoke'; readonly organisationId: string; readonly holderKey: string };

/** What the screens word: the record refusals, and what would not count. */
export type MandateActionRefusal = MandateRecordRefusal | 'openWorkspace' | 'holderNotInOrganisation' | 'ownGrant';

/** The record an action signs, unsigned. */
export function mandatePayloadFor(action: MandateAction, actor: MandateActor, workspaceId: string, now: number): MandatePayload {
  const common = { v: 1, workspaceId, signer: actor.publicKey, at: now } as const;
  if (action.kind === 'confirm') return { ...common, kind: 'confirmed', organisationId: action.grant.organisationId, subject: action.grant.holderKey, grant: action.grant.grantId };
  return { ...common, kind: action.kind === 'grant' ? 'granted' : 'revoked', organisationId: action.organisationId, subject: action.holderKey };
}

/** Why `actor` may not take this action now, or undefined when it would be accepted and count. */
export function mandateActionRefusal(state: MandateState, organisations: readonly OrganisationRef[], actor: MandateActor, action: MandateAction): MandateActionRefusal | undefined {
  if (state.open) return 'openWorkspace';
  const refusal = mandateRecordRefusal(organisations, actor, mandatePayloadFor(action, actor, '', 0));
  if (refusal) return refusal;
  if (action.kind === 'grant' && !state.organisations.get(action.organisationId)?.memberKeys.includes(action.holderKey)) return 'holderNotInOrganisation';
  if (action.kind === 'confirm' && action.grant.grantedByKey === actor.publicKey) return 'ownGrant';
  return undefined;
}
