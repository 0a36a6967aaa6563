/** STUB (owned by the dashboard helper): the checklist for the own organisation while it is new; shown on Overzicht. */
export function OnboardingChecklistCard() {
  return null;
}
