/**
 * `npm run signal`: a standalone Stroomkring signaling hub for a fixed machine
 * (options in cli-args.ts). Prints where it listens, then runs until SIGINT
 * or SIGTERM, on which it says goodbye on mDNS, closes its connections and
 * exits 0.
 */
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startLocalHub } from './start-local-hub.ts';

/** Shutdown normally takes milliseconds; a hung close must not keep a service manager waiting. */
const FORCED_EXIT_MS = 5000;

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.help) console.log(USAGE);
    else console.error(`${parsed.error}\n${USAGE}`);
    process.exit(parsed.help ? 0 : 2);
  }
  const { host, port, peers, discovery, mdnsInterface } = parsed.options;
  const hub = await startLocalHub({
    host,
    port,
    peers,
    discovery: discovery ? (mdnsInterface === undefined ? true : { interface: mdnsInterface }) : false,
  });
  console.log(`Stroomkring signaling hub ${hub.hubId} listening on ${host}:${hub.port} (${hub.url})`);
  if (hub.addresses.length > 0) console.log(`reachable at: ${hub.addresses.map((a) => `ws://${a}:${hub.port}`).join(' ')}`);
  console.log(`mDNS discovery ${discovery ? 'on' : 'off'}${peers.length > 0 ? `; peers: ${peers.join(' ')}` : ''}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
