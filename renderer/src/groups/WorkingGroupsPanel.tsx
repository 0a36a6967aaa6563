/** STUB (owned by the ideas helper). */
export function WorkingGroupsPanel() {
  return null;
}
