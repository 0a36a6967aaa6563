/** STUB (owned by the ideas helper). */
export function WorkingGroupView(_props: { readonly groupId: string }) {
  return null;
}
