/**
 * Which web hosts a Playwright worker uses. Each worker gets its own block
 * of ports, so specs run in parallel without sharing a signaling hub: hub
 * links one test makes outlive it (the hosts run for the whole run), and a
 * hub shared across workers would let partners of two tests meet.
 *
 * The block is picked by TEST_PARALLEL_INDEX, which Playwright sets in every
 * worker process (0 … workers − 1, kept when a worker is restarted after a
 * failure), so spec files can read their ports at import time. The runner
 * itself has no index and starts the hosts of every block (see
 * playwright.config.ts).
 */

/** Ports below 5300 are left to `npm run web` (5178) and `npm run web:dev`. */
const FIRST_BLOCK_PORT = 5300;
const BLOCK_SIZE = 10;

export interface WebHostBlock {
  /** The default host (baseURL). */
  readonly main: number;
  /** Hosts of the partners in multi-partner tests. */
  readonly partners: readonly [number, number, number];
  /** Hosts only two-hop.spec.ts uses: it needs hubs linked A–B and B–C and nothing else. */
  readonly chain: readonly [number, number, number];
}

export function webHostBlock(parallelIndex: number): WebHostBlock {
  const base = FIRST_BLOCK_PORT + parallelIndex * BLOCK_SIZE;
  return { main: base, partners: [base + 1, base + 2, base + 3], chain: [base + 4, base + 5, base + 6] };
}

export function portsOf(block: WebHostBlock): number[] {
  return [block.main, ...block.partners, ...block.chain];
}

/** How many workers the end-to-end run uses: E2E_WORKERS, else 2 (this machine has two cores). */
export function e2eWorkerCount(): number {
  const requested = Number(process.env.E2E_WORKERS ?? 2);
  return Number.isInteger(requested) && requested >= 1 ? requested : 2;
}

/** This worker's hosts; block 0 outside a worker (the runner, or a script). */
export const WORKER_HOSTS: WebHostBlock = webHostBlock(Number(process.env.TEST_PARALLEL_INDEX ?? 0));

export function hostUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}
