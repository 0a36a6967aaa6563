/** STUB (owned by the goals helper): one goal with its editor, draagvlak and decision log. */
export function GoalView(_props: { readonly goalId: string }) {
  return null;
}
