/**
 * `npm run peer -- ...`: the always-on region peer (design: node-sync.ts).
 *
 *   link   --data DIR --name NAME       make this peer's keys; print the link request and its check
 *   --invite CODE --data DIR [--signal URL]... [--ice LINE]...
 *                                       take the link code from the app, then run
 *   run    --data DIR [--signal URL]... [--ice LINE]...
 *                                       sync every workspace it holds until stopped (SIGINT, SIGTERM)
 *
 * `--ice` takes a STUN or TURN server as the app's connections settings do,
 * one per option: "stun:HOST:PORT", or "turn:HOST:PORT USER PASSWORD".
 *   status --data DIR                   what it is, what it holds, whom it sees
 *
 * Exit status: 0 done, 2 a wrong command line, code or data directory (with
 * what is wrong), 1 anything else. Messages are in English, as those of
 * `npm run signal`: this is an operator's tool, not the app's screens.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { isStroomkringError } from '../../shared/errors/stroomkring-error';
import { DeviceLinkError } from '../../shared/membership/device-link';
import { IdentityBackupError } from '../../shared/membership/identity-backup';
import { parseIceLine, type IceLineProblem, type IceServerEntry } from '../../shared/sync/ice-server';
import { makeLinkRequest, takeLinkCode } from './peer-link';
import { runPeer } from './peer-run';
import { peerStatus } from './peer-status';

export const USAGE = [
  'usage: npm run peer -- link --data DIR --name NAME',
  '       npm run peer -- --invite CODE --data DIR [--signal ws://HOST:PORT]... [--ice "turn:HOST:PORT USER PASSWORD"]...',
  '       npm run peer -- run --data DIR [--signal ws://HOST:PORT]... [--ice "stun:HOST:PORT"]...',
  '       npm run peer -- status --data DIR',
].join('\n');

export interface PeerIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the peer should stop (a signal); run waits on it. */
  stopped(): Promise<void>;
}

const BAD_INPUT = 2;

const LINK_PROBLEMS: Record<DeviceLinkError['problem'], string> = {
  notThisKind: 'this is not a link code (it starts with SKL1.): paste the code the app shows after you pasted the request',
  newerVersion: 'this link code is from a newer version of Stroomkring: update this peer',
  damaged: 'this link code is damaged or incomplete: copy it again, whole',
  notForThisDevice: "this link code does not open with this peer's key: it was made for another request, or it is damaged. Paste this peer's request in the app again",
  grantInvalid: "this link code's grants are not for this peer: make a new link in the app",
};

const ICE_PROBLEMS: Record<IceLineProblem, string> = {
  scheme: 'it must start with stun:, stuns:, turn: or turns:',
  host: 'the host is not a valid name or address',
  port: 'the port must be a number from 1 to 65535',
  transport: 'only a TURN server takes ?transport=udp or ?transport=tcp',
  turnNeedsCredentials: 'a TURN server needs a username and a password after the address',
  stunHasCredentials: 'a STUN server takes no username or password',
  extraParts: 'there is more on the line than an address, a username and a password',
  tooLong: 'the address, username or password is too long',
};

/** Every --ice line as a server, or the first wrong one and why. */
function iceServersOf(lines: readonly string[]): { servers: IceServerEntry[] } | { problem: string } {
  const servers: IceServerEntry[] = [];
  for (const line of lines) {
    const parsed = parseIceLine(line);
    if (!parsed.ok) return { problem: `--ice "${line.split(/\s+/)[0] ?? ''}": ${ICE_PROBLEMS[parsed.problem]}` };
    servers.push(parsed.server);
  }
  return { servers };
}

/** What the user can act on: a wrong code, a missing or damaged data directory. */
function explain(error: unknown): string | undefined {
  if (error instanceof DeviceLinkError) return LINK_PROBLEMS[error.problem];
  if (error instanceof IdentityBackupError) return LINK_PROBLEMS.grantInvalid;
  if (isStroomkringError(error)) return error.message;
  return undefined;
}

export async function main(argv: readonly string[], io: PeerIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { data: { type: 'string' }, name: { type: 'string' }, invite: { type: 'string' }, signal: { type: 'string', multiple: true, default: [] }, ice: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return BAD_INPUT;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? (values.invite !== undefined ? 'invite' : undefined);
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!command || positionals.length > 1 || !values.data || (command === 'link' && !values.name?.trim())) {
    io.err(USAGE);
    return BAD_INPUT;
  }
  const directory = values.data;
  const ice = iceServersOf(values.ice);
  if ('problem' in ice) {
    io.err(ice.problem);
    return BAD_INPUT;
  }
  try {
    switch (command) {
      case 'link': {
        const { code, check } = await makeLinkRequest(directory, values.name?.trim() ?? '');
        io.out(`In the app: Apparaat koppelen > paste this request, check that it shows ${check}, and bring the link code back here (--invite).`);
        io.out(code);
        return 0;
      }
      case 'invite':
      case 'run': {
        if (command === 'invite') {
          const linked = await takeLinkCode(directory, values.invite ?? '');
          io.out(`linked as a device of ${linked.file.person?.profile.displayName ?? '?'}: ${linked.file.workspaces.map((w) => w.name).join(', ') || 'no workspaces'}`);
        }
        const stop = await runPeer(directory, { signaling: values.signal, iceServers: ice.servers }, io.out);
        await io.stopped();
        await stop();
        return 0;
      }
      case 'status':
        for (const line of await peerStatus(directory)) io.out(line);
        return 0;
      default:
        io.err(`unknown command ${command}\n${USAGE}`);
        return BAD_INPUT;
    }
  } catch (error) {
    const explained = explain(error);
    if (explained === undefined) throw error;
    io.err(explained);
    return BAD_INPUT;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const io: PeerIo = { out: (line) => console.log(line), err: (line) => console.error(line), stopped: () => stopped };
  main(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
