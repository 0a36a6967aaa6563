/** STUB (owned by the goals helper): the list of common goals. */
export function GoalsPanel() {
  return null;
}
