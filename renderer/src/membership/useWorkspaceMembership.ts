import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { WorkspaceMembership } from '../../../shared/membership/workspace-membership';
import { useDatabase } from '../contexts/database-context';
import type { Identity } from '../storage/identity-store';
import { ensureWorkspaceAccess, saveFounderKey } from '../storage/workspace-access-store';

/**
 * This device's proven membership of the open workspace (shared/membership):
 * built from what the device stored when it made or joined the workspace.
 * The founder's device writes the founder's record the first time it opens
 * the workspace; a workspace from before proven membership is upgraded
 * (shared/membership/legacy-upgrade.ts) and the founder this device comes to
 * trust is stored. Undefined until the stored access row is read.
 */
export function useWorkspaceMembership(doc: Y.Doc, workspaceId: string, identity: Identity): WorkspaceMembership | undefined {
  const db = useDatabase();
  const [membership, setMembership] = useState<WorkspaceMembership>();
  const { memberId, publicKeyB64, privateKey, profile, boxKeys } = identity;
  useEffect(() => {
    let live = true;
    let made: WorkspaceMembership | undefined;
    (async () => {
      const access = await ensureWorkspaceAccess(db, workspaceId);
      if (!live) return;
      made = new WorkspaceMembership(doc, {
        workspaceId,
        founderKey: access.founderKey ?? null,
        self: { memberId, publicKeyB64, privateKey, displayName: profile.displayName, organisationName: profile.organisationName, boxKeys },
        ...(access.inviteCode ? { inviteCode: access.inviteCode } : {}),
        onFounderAdopted: (founderKey) => {
          saveFounderKey(db, workspaceId, founderKey).catch((error: unknown) => console.error('Could not store the workspace founder', error));
        },
      });
      if (access.founderKey === publicKeyB64 && !(await made.list()).members.has(publicKeyB64)) await made.found();
      if (access.founderKey === undefined) await made.upgradeAsFounder();
      if (live) setMembership(made);
      else made.destroy();
    })().catch((error: unknown) => console.error('Membership could not be read', error));
    return () => {
      live = false;
      made?.destroy();
    };
  }, [db, doc, workspaceId, memberId, publicKeyB64, privateKey, profile.displayName, profile.organisationName, boxKeys]);
  return membership;
}
