import { useEffect, useRef } from 'react';
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
 * A linked or restored device holds a copy of the profile taken when it was
 * linked, which may be older than the entry: it writes only an edit made on
 * it, and never creates the entry (the person's entry is there already, and a
 * second one made before it arrives would replace it: two maps set under one
 * key, one dropped with everything in it).
 */
export function useOwnMembership(doc: Y.Doc, identity: Identity): void {
  const { memberId, personKeyB64, publicKeyB64, profile } = identity;
  const linked = personKeyB64 !== publicKeyB64;
  const seen = useRef(JSON.stringify(profile));
  useEffect(() => {
    const shown = JSON.stringify(profile);
    const editedHere = shown !== seen.current;
    seen.current = shown;
    if (linked && !(editedHere && membersMap(doc).get(memberId) instanceof Y.Map)) return;
    upsertSelf(doc, { memberId, publicKey: personKeyB64, ...profile, joinedAt: Date.now() });
  }, [doc, memberId, personKeyB64, linked, profile]);
}
