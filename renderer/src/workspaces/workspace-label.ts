import { findRegion } from '../../../shared/regions';
import type { WorkspaceRecord } from '../../../shared/domain/workspace';

export function regionName(regionId: string): string {
  return findRegion(regionId)?.name ?? regionId;
}

/** "RES 2.0 (Holland Rijnland)", or just the region when the workspace has no name. */
export function workspaceLabel(record: WorkspaceRecord): string {
  const region = regionName(record.regionId);
  return record.name ? `${record.name} (${region})` : region;
}
