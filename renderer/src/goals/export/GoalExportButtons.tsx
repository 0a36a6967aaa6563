/** STUB (owned by the export helper): Markdown and PDF export of an adopted goal. */
export function GoalExportButtons(_props: { readonly goalId: string }) {
  return null;
}
