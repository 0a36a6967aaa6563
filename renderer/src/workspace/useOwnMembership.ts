import { useEffect } from 'react';
import type * as Y from 'yjs';
import { upsertSelf } from '../../../shared/workspace-doc/members';
import type { Identity } from '../storage/identity-store';

/**
 * Keeps this device's member entry in the workspace up to date with the
 * profile: creates it for the workspace's founder, refreshes name,
 * organisation and role after an edit; a joiner's entry (with who invited
 * them) was written when they joined and keeps that. The workspace profile
 * (expertise, contact, what I bring and seek) is the member's own edit
 * (updateOwnProfile) and is never touched here.
 */
export function useOwnMembership(doc: Y.Doc, identity: Identity): void {
  const { memberId, publicKeyB64, profile } = identity;
  useEffect(() => {
    upsertSelf(doc, { memberId, publicKey: publicKeyB64, ...profile, joinedAt: Date.now() });
  }, [doc, memberId, publicKeyB64, profile]);
}
