import { useEffect, useState } from 'react';
import type { ConnectionRoute } from '../../../shared/sync/webrtc/connection-routes';
import type { WorkspaceSync } from '../../../shared/sync/webrtc/workspace-sync';

/** A route can change while a view is open (ICE restarts, a relay taken when a direct path breaks): read again this often. */
const READ_EVERY_MS = 2_000;

/** Neighbour id → direct or via relay, read from the connections' statistics while the view is mounted. */
export function useConnectionRoutes(sync: Pick<WorkspaceSync, 'routes'>): ReadonlyMap<string, ConnectionRoute> {
  const [routes, setRoutes] = useState<ReadonlyMap<string, ConnectionRoute>>(new Map());
  useEffect(() => {
    let live = true;
    const read = () =>
      void sync.routes().then((next) => {
        if (live) setRoutes((previous) => (previous.size === next.size && [...next].every(([id, route]) => previous.get(id) === route) ? previous : next));
      });
    read();
    const timer = setInterval(read, READ_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [sync]);
  return routes;
}
