/**
 * y-webrtc keeps rooms in a module-global map and refuses (by throwing inside
 * a promise, so nothing can catch it) a second provider for a room name that
 * still exists. A workspace's sync and the lobby on its old key can want the
 * same room in one page for a moment when a key rotates, so whoever starts a
 * provider first claims the room and releases it once its provider is fully
 * destroyed; the next one waits.
 */
const held = new Map<string, Promise<void>>();

/** Waits until no one holds `room`, then holds it; call the returned function once the provider is fully gone. */
export async function claimRoom(room: string): Promise<() => void> {
  for (let current = held.get(room); current; current = held.get(room)) await current;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  held.set(room, released);
  return () => {
    if (held.get(room) === released) held.delete(room);
    release();
  };
}
