import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { useDatabase } from '../app/database-context';
import type { Identity } from '../storage/identity-store';
import { ensureWorkspaceAccess } from '../storage/workspace-access-store';

/**
 * This device's proven membership of the open workspace (shared/membership):
 * built from what the device stored when it made or joined the workspace.
 * The founder's device writes the founder's record the first time it opens
 * the workspace. Undefined until the stored access row is read.
 */
export function useWorkspaceMembership(doc: Y.Doc, workspaceId: string, identity: Identity): WorkspaceMembership | undefined {
  const db = useDatabase();
  const [membership, setMembership] = useState<WorkspaceMembership>();
  const { publicKeyB64, privateKey, profile } = identity;
  useEffect(() => {
    let live = true;
    let made: WorkspaceMembership | undefined;
    (async () => {
      const access = await ensureWorkspaceAccess(db, workspaceId);
      if (!live) return;
      made = new WorkspaceMembership(doc, {
        workspaceId,
        founderKey: access.founderKey ?? null,
        self: { publicKeyB64, privateKey, displayName: profile.displayName, organisationName: profile.organisationName },
        ...(access.inviteCode ? { inviteCode: access.inviteCode } : {}),
      });
      if (access.founderKey === publicKeyB64 && !(await made.list()).members.has(publicKeyB64)) await made.found();
      if (live) setMembership(made);
      else made.destroy();
    })().catch((error: unknown) => console.error('Membership could not be read', error));
    return () => {
      live = false;
      made?.destroy();
    };
  }, [db, doc, workspaceId, publicKeyB64, privateKey, profile.displayName, profile.organisationName]);
  return membership;
}
