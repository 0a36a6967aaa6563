/**
 * What still stands between a goal and its adoption, as steps someone can
 * take: per participating organisation the one thing it has to do, then how
 * many more endorsements the quorum asks. Derived from the adoption result
 * alone, so the list and the badge can never disagree.
 *
 * One step per organisation, the one that comes first: an objection is named
 * before anything else (it blocks whatever the others do), and an
 * organisation nobody may speak for is asked for a mandate holder, not for a
 * stance it cannot give.
 */
import type { AdoptionResult, OrganisationSupport } from './adoption';

export type StepToAdoption =
  | { readonly kind: 'noOrganisations' }
  | { readonly kind: 'objected' | 'noMandateHolder' | 'invalid' | 'stale' | 'notResponded'; readonly organisationId: string }
  | { readonly kind: 'quorum'; readonly missing: number; readonly supporting: number; readonly required: number };

type OrganisationStep = Extract<StepToAdoption, { organisationId: string }>['kind'];
const ORDER: readonly OrganisationStep[] = ['objected', 'noMandateHolder', 'invalid', 'stale', 'notResponded'];

function stepFor(support: OrganisationSupport): OrganisationStep | undefined {
  switch (support.status) {
    case 'objected':
      return 'objected';
    case 'invalid':
    case 'stale':
    case 'notResponded':
      return support.noMandateHolder ? 'noMandateHolder' : support.status;
    default:
      return undefined;
  }
}

export function stepsToAdoption(result: Pick<AdoptionResult, 'adopted' | 'organisations' | 'supporting' | 'requiredSupporting'>): StepToAdoption[] {
  if (result.adopted) return [];
  if (result.organisations.length === 0) return [{ kind: 'noOrganisations' }];
  const steps: StepToAdoption[] = result.organisations
    .flatMap((support) => {
      const kind = stepFor(support);
      return kind === undefined ? [] : [{ kind, organisationId: support.organisationId }];
    })
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  if (result.supporting < result.requiredSupporting) {
    steps.push({ kind: 'quorum', missing: result.requiredSupporting - result.supporting, supporting: result.supporting, required: result.requiredSupporting });
  }
  return steps;
}
