/**
 * Command line of `npm run signal` (cli.ts):
 *   --host ADDR        address to listen on (default 0.0.0.0: a standalone hub serves the LAN)
 *   --port N           port, 0 for any free one (default DEFAULT_HUB_PORT: 4444, y-webrtc's default)
 *   --peer URL         link to another hub; repeatable
 *   --no-discovery     do not announce or look for hubs with mDNS
 *   --mdns-interface A IPv4 address of the interface mDNS uses (default: all)
 *   --help
 */
import { parseArgs } from 'node:util';
import { DEFAULT_HUB_PORT } from '../../shared/sync/hub-address.ts';
import { normalizePeerUrl } from './signaling-hub.ts';

export interface CliOptions {
  host: string;
  port: number;
  peers: string[];
  discovery: boolean;
  mdnsInterface?: string;
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; help: true } | { ok: false; help: false; error: string };

export const USAGE = 'usage: npm run signal -- [--host ADDR] [--port N] [--peer ws://HOST:PORT]... [--no-discovery] [--mdns-interface IPV4]';

export function parseCliArgs(argv: readonly string[]): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string', default: String(DEFAULT_HUB_PORT) },
        peer: { type: 'string', multiple: true, default: [] },
        'no-discovery': { type: 'boolean', default: false },
        'mdns-interface': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, help: false, error: (error as Error).message };
  }
  if (values.help) return { ok: false, help: true };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) return { ok: false, help: false, error: `--port must be 0–65535, got ${values.port}` };
  for (const peer of values.peer) {
    try {
      normalizePeerUrl(peer);
    } catch {
      return { ok: false, help: false, error: `--peer must be a ws:// or wss:// URL, got ${peer}` };
    }
  }
  return {
    ok: true,
    options: {
      host: values.host,
      port,
      peers: values.peer,
      discovery: !values['no-discovery'],
      ...(values['mdns-interface'] === undefined ? {} : { mdnsInterface: values['mdns-interface'] }),
    },
  };
}
