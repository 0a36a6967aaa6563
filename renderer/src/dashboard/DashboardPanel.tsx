/** STUB (owned by the dashboard helper). */
export function DashboardPanel() {
  return null;
}
