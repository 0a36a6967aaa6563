/**
 * How the region peer becomes a device of the person who runs it, through
 * the app's own device link (shared/membership/device-link.ts): `link` makes
 * its keys and prints the request and its six-digit check; the person pastes
 * the request in the app (Apparaat koppelen), sees the same six digits, and
 * brings back the link code, which `join` opens. Every grant in it must name
 * this device and that person (openLink checks), and each grant goes into
 * its workspace's membership records, as the app's becomeDeviceOf does.
 */
import { encodeLinkRequest, linkCheck, openLink } from '../../shared/membership/device-link';
import { recordId } from '../../shared/membership/membership-record';
import { membershipMap } from '../../shared/workspace-doc/schema';
import { loadIdentity, makeOrKeepKeys, PeerIdentityError, saveLinked, type PeerIdentity } from './peer-identity';
import { PeerStore } from './peer-store';

export async function makeLinkRequest(directory: string, name: string): Promise<{ code: string; check: string }> {
  const identity = await makeOrKeepKeys(directory, name);
  const request = { device: identity.signing.publicKeyB64, boxKey: identity.box.publicKeyB64, name: identity.file.device.name };
  return { code: encodeLinkRequest(request), check: await linkCheck(request) };
}

/** Opens the link code made for this peer's request and takes its workspaces; throws the app's own errors for a wrong code. */
export async function takeLinkCode(directory: string, code: string): Promise<PeerIdentity> {
  const identity = await loadIdentity(directory);
  if (identity.file.person) throw new PeerIdentityError('alreadyLinked', `this peer is already a device of ${identity.file.person.profile.displayName}`);
  const { person, workspaces, rooms } = await openLink(code, { device: identity.signing.publicKeyB64, box: identity.box });
  const store = await PeerStore.open(directory);
  try {
    for (const workspace of workspaces) {
      const { doc, stop } = await store.document(workspace.workspaceId);
      membershipMap(doc).set(recordId(workspace.grant), workspace.grant);
      stop();
      doc.destroy();
    }
  } finally {
    await store.close();
  }
  // A room's document starts empty here: its content comes from the room's peers.
  return saveLinked(directory, identity, { person, workspaces, rooms });
}
