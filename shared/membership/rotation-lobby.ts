/**
 * One connection in a lobby: the room of a workspace's old key, kept open by
 * a device that rotated (key-rotation.ts) for members who were away. The
 * connection is proven like any other (auth-session.ts): a removed member or
 * a stranger is refused there. A proven member is handed the rotation
 * records (peer-auth.ts kind 5) and nothing of the workspace; the lobby
 * closes the connection LINGER_MS later, by when the member's device has
 * taken the records and moved on to the new room.
 */
import { AuthSession, type AuthEvents, type Authenticator, type AuthLink, type BindingSource } from './auth-session';
import { encodeAuthMessage } from './peer-auth';

/** Long enough for the records to cross a loaded data channel; a lobby connection has nothing else to do. */
export const LINGER_MS = 5_000;

export interface LobbyAuthenticator extends Authenticator {
  rotationRecords(): Promise<string[]>;
}

export function startLobbySession(link: AuthLink, auth: LobbyAuthenticator, binding: BindingSource, events: AuthEvents): AuthSession {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const session = new AuthSession(link, auth, binding, {
    verified: (peer) => {
      events.verified(peer);
      void auth
        .rotationRecords()
        .then((records) => {
          if (records.length > 0) link.send(encodeAuthMessage({ kind: 'rotated', records }));
        })
        .catch((error: unknown) => console.warn('Rotation lobby: could not read the rotation records', error))
        .finally(() => {
          timer = setTimeout(() => link.close(), LINGER_MS);
        });
    },
    failed: (reason, byThem, soon) => {
      clearTimeout(timer);
      events.failed(reason, byThem, soon);
    },
  });
  return session;
}
