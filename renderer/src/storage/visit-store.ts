import { z } from 'zod';
import type { StroomkringDatabase } from './database';

const SeenAtSchema = z.number().int().nonnegative();

/**
 * Records that the workspace is being looked at now and returns when it was
 * looked at before (undefined the first time, or when the stored value is unreadable).
 */
export async function recordVisit(db: StroomkringDatabase, workspaceId: string, now = Date.now()): Promise<number | undefined> {
  return db.transaction('rw', db.visits, async () => {
    const previous = SeenAtSchema.safeParse((await db.visits.get(workspaceId))?.seenAt);
    await db.visits.put({ workspaceId, seenAt: now });
    return previous.success ? previous.data : undefined;
  });
}
