/**
 * A STUN or TURN server as the user types it in the connections settings,
 * one per line: the address (RFC 7064 for stun:/stuns:, RFC 7065 for
 * turn:/turns:), and for TURN a username and a password after it:
 *
 *   stun:stun.example.nl:3478
 *   turn:turn.example.nl:3478?transport=udp  naam  wachtwoord
 *
 * Checked here, with a reason per line, because a browser only says so
 * when a connection is tried (and then not which server, nor why). The
 * settings saved before these checks are read as they were (the store's
 * schema only asks for a stun: or turn: address): none is dropped unseen.
 */
export type IceLineProblem = 'scheme' | 'host' | 'port' | 'transport' | 'turnNeedsCredentials' | 'stunHasCredentials' | 'extraParts' | 'tooLong';

export interface IceServerEntry {
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

const MAX_URL = 300;
const MAX_SECRET = 200;
/** A DNS name (labels of letters, digits and hyphens), an IPv4 address, or an IPv6 address in brackets. */
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;
const ADDRESS = /^(stuns?|turns?):([^?]*)(?:\?(.*))?$/;

/** What is wrong with a server's address and credentials, or null. */
export function iceServerProblem(server: IceServerEntry): IceLineProblem | null {
  const { urls, username, credential } = server;
  if (urls.length > MAX_URL || (username?.length ?? 0) > MAX_SECRET || (credential?.length ?? 0) > MAX_SECRET) return 'tooLong';
  const match = ADDRESS.exec(urls);
  if (!match) return 'scheme';
  const [, scheme = '', hostPort = '', query] = match;
  const [, host = '', port] = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort) ?? [];
  if (!HOST.test(host)) return 'host';
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535)) return 'port';
  const turn = scheme.startsWith('turn');
  if (query !== undefined && (!turn || !/^transport=(udp|tcp)$/.test(query))) return 'transport';
  if (turn && (!username || !credential)) return 'turnNeedsCredentials';
  if (!turn && (username !== undefined || credential !== undefined)) return 'stunHasCredentials';
  return null;
}

export type IceLine = { readonly ok: true; readonly server: IceServerEntry } | { readonly ok: false; readonly line: string; readonly problem: IceLineProblem };

/** One settings line: the address, then optionally a username and a password, separated by spaces. */
export function parseIceLine(line: string): IceLine {
  const parts = line.trim().split(/\s+/);
  if (parts.length > 3) return { ok: false, line, problem: 'extraParts' };
  const [urls = '', username, credential] = parts;
  const server: IceServerEntry = { urls, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) };
  const problem = iceServerProblem(server);
  return problem === null ? { ok: true, server } : { ok: false, line, problem };
}

/** Whether any of these is a TURN server, so that a relay is possible at all. */
export function hasTurnServer(servers: readonly { readonly urls: string | readonly string[] }[]): boolean {
  return servers.some((server) => [server.urls].flat().some((url) => url.startsWith('turn')));
}

/** A connection's settings for these servers; relay only takes relay candidates alone, so partners never see this device's addresses. */
export function peerConnectionConfig(iceServers: readonly RTCIceServer[], relayOnly = false): RTCConfiguration {
  return { iceServers: [...iceServers], iceTransportPolicy: relayOnly ? 'relay' : 'all' };
}
