import { useEffect } from 'react';
import * as Y from 'yjs';
import { upsertSelf } from '../../../shared/workspace-doc/members';
import { membersMap } from '../../../shared/workspace-doc/schema';
import type { Identity } from '../storage/identity-store';

/**
 * Keeps this device's member entry in the workspace up to date with the
 * profile: creates it for the workspace's founder, refreshes name,
 * organisation and role after an edit; a joiner's entry (with who invited
 * them) was written when they joined and keeps that. The workspace profile
 * (expertise, contact, what I bring and seek) is the member's own edit
 * (updateOwnProfile) and is never touched here.
 *
 * A linked or restored device never creates the entry: the person's entry
 * is there already, from their first device, and a second one made before
 * it arrives would replace it (two maps set under one key: one is dropped,
 * with everything in it). It waits for the entry and only refreshes it.
 */
export function useOwnMembership(doc: Y.Doc, identity: Identity): void {
  const { memberId, personKeyB64, publicKeyB64, profile } = identity;
  useEffect(() => {
    const linked = personKeyB64 !== publicKeyB64;
    const members = membersMap(doc);
    const refresh = () => {
      if (!linked || members.get(memberId) instanceof Y.Map) upsertSelf(doc, { memberId, publicKey: personKeyB64, ...profile, joinedAt: Date.now() });
    };
    refresh();
    if (!linked) return;
    members.observe(refresh);
    return () => members.unobserve(refresh);
  }, [doc, memberId, personKeyB64, publicKeyB64, profile]);
}
