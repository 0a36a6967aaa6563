import * as Y from 'yjs';
import type { InvitePayload } from '../../../shared/invite/invite-code';
import { WorkspaceKeySchema, generateWorkspaceKey } from '../../../shared/invite/workspace-key';
import { HubUrlSchema } from '../../../shared/sync/hub-address';
import { upsertSelf } from '../../../shared/workspace-doc/members';
import { adoptRotatedKeyIn } from './rotated-keys';
import type { StroomkringDatabase, WorkspaceAccessRow } from './database';
import type { Identity } from './identity-store';
import { insertWorkspace } from './workspace-store';
import { StroomkringError } from '../../../shared/errors/stroomkring-error';

export class WorkspaceKeyMismatchError extends StroomkringError {
  override readonly name = 'WorkspaceKeyMismatchError';
  constructor(readonly workspaceId: string) {
    super(`Workspace ${workspaceId} already exists on this device with a different key`);
  }
}

/** The key and known peer hubs of a workspace; a workspace without a valid key gets a fresh one. */
export async function ensureWorkspaceAccess(db: StroomkringDatabase, workspaceId: string): Promise<WorkspaceAccessRow> {
  return db.transaction('rw', db.workspaceAccess, async () => {
    const row = await db.workspaceAccess.get(workspaceId);
    if (row && WorkspaceKeySchema.safeParse(row.key).success) {
      // Stored addresses are checked again: one bad entry must not make the host refuse all of them.
      const peerHubs = Array.isArray(row.peerHubs) ? row.peerHubs.filter((hub) => HubUrlSchema.safeParse(hub).success) : [];
      return { ...row, peerHubs };
    }
    const fresh = { workspaceId, key: generateWorkspaceKey(), peerHubs: [] };
    await db.workspaceAccess.put(fresh);
    return fresh;
  });
}

/** Records the founder this device trusts for the workspace (shared/membership/legacy-upgrade.ts). */
export async function saveFounderKey(db: StroomkringDatabase, workspaceId: string, founderKey: string): Promise<void> {
  await db.workspaceAccess.update(workspaceId, { founderKey });
}

/** Moves the workspace to a rotated key (shared/membership/key-rotation.ts), keeping the old one as a lobby. */
export function adoptRotatedKey(db: StroomkringDatabase, workspaceId: string, rotated: { key: string; generation: number }, now = Date.now()): Promise<boolean> {
  return adoptRotatedKeyIn(db, db.workspaceAccess, workspaceId, rotated, now);
}

export async function addPeerHubs(db: StroomkringDatabase, workspaceId: string, hubs: readonly string[]): Promise<void> {
  await db.transaction('rw', db.workspaceAccess, async () => {
    const row = await db.workspaceAccess.get(workspaceId);
    if (!row) return;
    const merged = [...new Set([...row.peerHubs, ...hubs])];
    if (merged.length !== row.peerHubs.length) await db.workspaceAccess.update(workspaceId, { peerHubs: merged });
  });
}

export type JoinResult = { workspaceId: string; alreadyMember: boolean };

/**
 * Creates the workspace from an invite, with the joiner's own member entry
 * (recording who invited them) as its first content; everything else arrives
 * from the peers. Joining a workspace that is already here just adds the
 * inviter's hubs; the same id under another key is refused.
 */
/** `code`: the invite as pasted, kept to show the first member this device meets (shared/membership). */
export async function joinFromInvite(db: StroomkringDatabase, invite: InvitePayload, code: string, identity: Identity, now = Date.now()): Promise<JoinResult> {
  const existing = await db.workspaceAccess.get(invite.workspaceId);
  if (existing) {
    // A new invite from the same founder after a rotation this device could not open (it had no encryption key published then): its key is the current one.
    const rotatedSince = invite.founderKey !== undefined && existing.founderKey === invite.founderKey;
    if (existing.key !== invite.key && !rotatedSince) throw new WorkspaceKeyMismatchError(invite.workspaceId);
    if (existing.key !== invite.key) await adoptRotatedKey(db, invite.workspaceId, { key: invite.key, generation: existing.generation ?? 0 }, now);
    await addPeerHubs(db, invite.workspaceId, invite.hubs);
    // A new invite after the first was refused (used, expired, taken back): the next member met sees this one.
    if (invite.founderKey && (existing.founderKey === undefined || existing.founderKey === invite.founderKey))
      await db.workspaceAccess.update(invite.workspaceId, { founderKey: invite.founderKey, inviteCode: code.replace(/\s+/g, '') });
    return { workspaceId: invite.workspaceId, alreadyMember: true };
  }
  // No meta here: it comes with the first sync, as the founder wrote it (the invite's time is not the workspace's).
  const doc = new Y.Doc();
  upsertSelf(doc, {
    memberId: identity.memberId,
    displayName: identity.profile.displayName,
    organisationName: identity.profile.organisationName,
    role: identity.profile.role,
    publicKey: identity.personKeyB64,
    joinedAt: now,
    invitedBy: invite.inviter.memberId,
    inviteId: invite.inviteId,
  });
  try {
    await insertWorkspace(
      db,
      { id: invite.workspaceId, regionId: invite.regionId, name: invite.workspaceName, createdAt: now, lastOpenedAt: now },
      doc,
      { workspaceId: invite.workspaceId, key: invite.key, peerHubs: [...invite.hubs], ...(invite.founderKey ? { founderKey: invite.founderKey, inviteCode: code.replace(/\s+/g, '') } : {}) },
    );
  } finally {
    doc.destroy();
  }
  return { workspaceId: invite.workspaceId, alreadyMember: false };
}
