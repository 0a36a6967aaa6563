/** STUB (owned by the export helper): check an exported goal file offline, in the app. */
export function VerifyExportButton() {
  return null;
}
