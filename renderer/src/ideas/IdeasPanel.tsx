/** STUB (owned by the ideas helper). */
export function IdeasPanel() {
  return null;
}
