/**
 * How many direct connections a peer keeps. y-webrtc on its own connects
 * everyone to everyone up to 20–35 peers (its `maxConns`) and then leaves
 * some peers with few links; here the mesh is a sparse random graph instead,
 * and the broadcast tree (broadcast-tree.ts) carries every change to the peers
 * a peer is not connected to.
 *
 * - A peer with fewer than TARGET_DEGREE links answers every announcement and
 *   announces itself again every REANNOUNCE_MS until it has that many.
 * - With TARGET_DEGREE or more it answers an announcement only by chance, so
 *   that a newcomer among well-connected peers gets about TARGET_DEGREE
 *   offers, not one from every peer in the room; at MAX_DEGREE only an
 *   announcer that says it has fewer than TARGET_DEGREE links.
 * - Above MAX_DEGREE (incoming offers are always accepted, so this happens)
 *   it closes the link to its best-connected neighbour, as long as that
 *   neighbour keeps more than TARGET_DEGREE links itself.
 */

/** Four links: a random graph of 30 peers with degree ≥ 4 is connected with high probability and stays so when any two links drop; each link costs a DTLS session and some CPU on a laptop. */
export const TARGET_DEGREE = 4;
/** Eight links at most: twice the target leaves room for newcomers' offers and stays far below what a 2-core laptop on venue Wi-Fi handles. */
export const MAX_DEGREE = 8;
/** A peer below TARGET_DEGREE announces itself this often (announcements are a few hundred bytes through the signaling hub). */
export const REANNOUNCE_MS = 3000;
/**
 * A peer connection not open this long after it was started is given up, so
 * the pair can start afresh: on a LAN it opens within a second or two, through
 * a TURN relay within a few more; one that has not opened by then lost an offer,
 * answer or candidate on the way, or its other end left mid-handshake.
 */
export const CONNECT_TIMEOUT_MS = 20_000;

/**
 * Whether to answer another peer's announcement by connecting to it.
 * `roomSize` counts the peers present in the room (by awareness), not this
 * one; `announcerDegree` is what the announcement says (absent from stock
 * peers). A newcomer among peers that are all at MAX_DEGREE must still be
 * answered: such an announcer is answered by chance even at the maximum, and
 * the link that puts this peer over it is shed again (linkToShed).
 */
export function answersAnnouncement(degree: number, roomSize: number, random: () => number, announcerDegree?: number): boolean {
  if (degree < TARGET_DEGREE) return true;
  const needy = announcerDegree !== undefined && announcerDegree < TARGET_DEGREE;
  if (degree >= MAX_DEGREE && !needy) return false;
  return random() < TARGET_DEGREE / Math.max(TARGET_DEGREE, roomSize);
}

/** The neighbour whose link to close when over MAX_DEGREE, or undefined. Degrees are what neighbours last reported. */
export function linkToShed(degree: number, neighbourDegrees: ReadonlyMap<string, number>): string | undefined {
  if (degree <= MAX_DEGREE) return undefined;
  let chosen: string | undefined;
  let chosenDegree = TARGET_DEGREE;
  for (const [id, d] of neighbourDegrees) {
    // Highest degree first; ties by id, so both ends of a tie agree which link goes.
    if (d > chosenDegree || (d === chosenDegree && chosen !== undefined && id < chosen)) {
      chosen = id;
      chosenDegree = d;
    }
  }
  return chosen;
}
