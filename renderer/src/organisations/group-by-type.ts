import type { Organisation } from '../../../shared/domain/organisation';
import { stakeholderTypes } from '../../../shared/regions';

export interface OrganisationGroup {
  readonly typeId: string;
  readonly organisations: readonly Organisation[];
}

/** Groups in the order of the stakeholder taxonomy (province first, "other" last); empty groups are left out. */
export function groupByType(organisations: readonly Organisation[]): OrganisationGroup[] {
  return stakeholderTypes
    .map((type) => ({ typeId: type.id, organisations: organisations.filter((org) => org.type === type.id) }))
    .filter((group) => group.organisations.length > 0);
}
