/**
 * What the mandates dialog shows per organisation, from the resolved
 * mandates (shared/mandates/mandate-state.ts). Pure: whether a control is
 * offered is asked of mandateActionRefusal, the same rules the receive path
 * applies, so the dialog never offers what peers would refuse or not count.
 * Names come from the signed admissions (proven membership), falling back to
 * the profile name for an old entry's member.
 */
import { mandateActionRefusal, type MandateActor } from '../../../shared/mandates/mandate-rules';
import { memberIdOfKey } from '../../../shared/mandates/mandate-record';
import type { AdmittedMember, MandateStanding, PendingGrant } from '../../../shared/mandates/mandate-state';
import type { WorkspaceMandates } from '../../../shared/workspace-doc/mandates';

export interface MandateHolderView {
  readonly holderId: string;
  readonly name: string | undefined;
  readonly grantedByName: string | undefined;
  readonly confirmedByName?: string | undefined;
  readonly standing: MandateStanding;
  readonly counts: boolean;
}

export interface PendingGrantView {
  readonly grant: PendingGrant;
  readonly holderName: string | undefined;
  readonly grantedByName: string | undefined;
  /** This member may confirm it (a second member of the organisation). */
  readonly canConfirm: boolean;
  /** This member granted it, so someone else has to confirm. */
  readonly ownGrant: boolean;
}

export interface MandateMemberView {
  readonly key: string;
  readonly name: string | undefined;
  /** Holds the mandate or has a grant awaiting confirmation. */
  readonly granted: boolean;
}

export interface OrganisationMandatesView {
  readonly organisationId: string;
  readonly name: string;
  /** This member belongs to it by their signed admission, so they grant, confirm and revoke for it. */
  readonly own: boolean;
  readonly administratorName: string | undefined;
  readonly holders: readonly MandateHolderView[];
  readonly pending: readonly PendingGrantView[];
  /** Its members, for the grant checkboxes; only for an own organisation. */
  readonly members: readonly MandateMemberView[];
}

/** Names by member id: the signed admission's name first, the profile's for anyone else. */
export function nameLookup(admitted: ReadonlyMap<string, AdmittedMember>, profileName: (memberId: string) => string | undefined): (memberId: string) => string | undefined {
  const signed = new Map([...admitted].map(([key, member]) => [memberIdOfKey(key), member.displayName]));
  return (memberId) => signed.get(memberId) ?? profileName(memberId);
}

export function mandatesView(mandates: WorkspaceMandates, admitted: ReadonlyMap<string, AdmittedMember>, actor: MandateActor, nameOf: (memberId: string) => string | undefined): OrganisationMandatesView[] {
  const nameOfKey = (key: string) => admitted.get(key)?.displayName ?? nameOf(memberIdOfKey(key));
  const views = mandates.organisations.map((organisation): OrganisationMandatesView => {
    const state = mandates.state.organisations.get(organisation.id);
    const holders = [...(state?.holders ?? [])].sort((a, b) => Number(b.counts) - Number(a.counts));
    const pending = state?.pending ?? [];
    const own = mandateActionRefusal(mandates.state, mandates.organisations, actor, { kind: 'revoke', organisationId: organisation.id, holderKey: actor.publicKey }) === undefined;
    const grantedKeys = new Set([...holders.filter((h) => h.counts).map((h) => h.holderKey), ...pending.map((p) => p.holderKey)]);
    return {
      organisationId: organisation.id,
      name: organisation.name,
      own,
      administratorName: state?.administratorKey === undefined ? undefined : nameOfKey(state.administratorKey),
      holders: holders.map((h) => ({
        holderId: h.holderId,
        name: nameOf(h.holderId),
        grantedByName: nameOf(h.grantedBy),
        ...(h.confirmedBy === undefined ? {} : { confirmedByName: nameOf(h.confirmedBy) }),
        standing: h.standing,
        counts: h.counts,
      })),
      pending: pending.map((grant) => ({
        grant,
        holderName: nameOfKey(grant.holderKey),
        grantedByName: nameOfKey(grant.grantedByKey),
        canConfirm: mandateActionRefusal(mandates.state, mandates.organisations, actor, { kind: 'confirm', grant }) === undefined,
        ownGrant: grant.grantedByKey === actor.publicKey,
      })),
      members: own ? (state?.memberKeys ?? []).map((key) => ({ key, name: nameOfKey(key), granted: grantedKeys.has(key) })).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'nl')) : [],
    };
  });
  // The own organisation first, then by name.
  return views.sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name, 'nl'));
}
