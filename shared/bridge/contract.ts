/**
 * The single source of truth for what a host (Electron main, or the web host
 * in a plain browser) offers the renderer. One table, namespaced; each method
 * names the zod schemas of its arguments and its result. The preload script,
 * the main-process IPC registration and the web host are all derived from
 * this table, so a method cannot exist on one side only.
 *
 * Wire format (Electron): `ipcRenderer.invoke('<namespace>:<method>', ...args)`;
 * main validates the sender and the arguments before calling the handler and
 * validates the result before returning it.
 */
import { z } from 'zod';
import { HubUrlSchema } from '../sync/hub-address';
import { StroomkringError } from '../errors/stroomkring-error';

export const HostKindSchema = z.enum(['electron', 'web']);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Only http(s) links leave the app; everything else (file:, javascript:, custom schemes) is refused. */
export const ExternalUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Only http and https links can be opened');

/** This device's signaling hub, as the renderer needs it. */
export const LocalHubSchema = z.object({
  /** Where this renderer's y-webrtc provider connects (its own hub). */
  signalingUrl: HubUrlSchema,
  /** Addresses at which partners' hubs can reach this hub; they go into invite codes. */
  reachableAt: z.array(HubUrlSchema).max(16),
});
export type LocalHub = z.infer<typeof LocalHubSchema>;

/** Upper bound on peer hubs handed over in one call; a workspace knows a handful. */
const MAX_PEER_HUBS_PER_CALL = 32;

/**
 * Saving a copy of a file, or handing it to the system's app, goes through the
 * bridge in pieces, so a large file never becomes one giant IPC message:
 * begin (Electron shows the save dialog, or picks a temp path) → token;
 * write(token, piece) in order, each at most FILE_PIECE_MAX_BYTES; finish.
 * The renderer awaits each write before sending the next: that is the
 * backpressure. Problems the user can act on (disk full, no permission) come
 * back as a result; misuse (unknown token, more bytes than announced) throws.
 */
/** One bridge call carries at most this much: a 1 GB file takes a few hundred calls, and no message strains IPC. */
export const FILE_PIECE_MAX_BYTES = 4 * 1024 * 1024;
/** Sanity bound on an exported file; the app's own hard limit (a setting) is far lower. */
export const FILE_EXPORT_MAX_BYTES = 64 * 1024 ** 3;

export const FileTokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a file export token');

export const FileExportRequestSchema = z.object({
  /** Shown in the save dialog and used for the temp copy; the host sanitises it again. */
  suggestedName: z.string().min(1).max(255),
  /** Exactly the bytes that will be written; finish refuses anything else. */
  size: z.number().int().nonnegative().max(FILE_EXPORT_MAX_BYTES),
});
export type FileExportRequest = z.infer<typeof FileExportRequestSchema>;

/** Checked by tag, not instanceof: a Uint8Array crossing the context bridge belongs to another realm. */
export const FilePieceSchema = z
  .custom<Uint8Array>((value) => Object.prototype.toString.call(value) === '[object Uint8Array]', 'expected a Uint8Array')
  .refine((value) => value.byteLength <= FILE_PIECE_MAX_BYTES, `a piece holds at most ${FILE_PIECE_MAX_BYTES} bytes`);

/** What the user is told: the disk is full, the place cannot be written, no app opens this type, or something else went wrong. */
export const FileProblemSchema = z.enum(['disk-full', 'no-permission', 'no-app', 'failed']);
export type FileProblem = z.infer<typeof FileProblemSchema>;
export const FileOutcomeSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), problem: FileProblemSchema })]);
export type FileOutcome = z.infer<typeof FileOutcomeSchema>;

export const FileSaveStartSchema = z.union([z.object({ token: FileTokenSchema }), z.object({ cancelled: z.literal(true) })]);

interface MethodSpec<A extends z.ZodTuple, R extends z.ZodType> {
  readonly args: A;
  readonly result: R;
}

function method<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result };
}

export const bridgeContract = {
  app: {
    getInfo: method(z.tuple([]), AppInfoSchema),
  },
  shell: {
    openExternal: method(z.tuple([ExternalUrlSchema]), z.void()),
  },
  sync: {
    localHub: method(z.tuple([]), LocalHubSchema),
    /** Asks this device's hub to connect to partners' hubs (from an invite, or typed in by hand). */
    addPeerHubs: method(z.tuple([z.array(HubUrlSchema).max(MAX_PEER_HUBS_PER_CALL)]), z.void()),
  },
  files: {
    /** Asks where to save a copy (a dialog in Electron); cancelled when the user backs out. */
    beginSave: method(z.tuple([FileExportRequestSchema]), FileSaveStartSchema),
    /** Prepares a copy in the app's own temp folder; finish opens it in the system's app. Electron only. */
    beginOpen: method(z.tuple([FileExportRequestSchema]), z.object({ token: FileTokenSchema })),
    write: method(z.tuple([FileTokenSchema, FilePieceSchema]), FileOutcomeSchema),
    finish: method(z.tuple([FileTokenSchema]), FileOutcomeSchema),
    /** Drops an unfinished export and whatever was written of it. */
    abort: method(z.tuple([FileTokenSchema]), z.void()),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeNamespace = keyof BridgeContract;

type MethodOf<S> = S extends MethodSpec<infer A, infer R> ? (...args: z.input<A>) => Promise<z.output<R>> : never;

/** What the renderer sees: `bridge.app.getInfo()` and so on, every call async. */
export type Bridge = {
  readonly [N in BridgeNamespace]: { readonly [M in keyof BridgeContract[N]]: MethodOf<BridgeContract[N][M]> };
};

/** Name of the global the preload script exposes (`window.stroomkring`). */
export const BRIDGE_GLOBAL = 'stroomkring';

export function channelName(namespace: string, methodName: string): string {
  return `${namespace}:${methodName}`;
}

export interface BridgeEntry {
  readonly namespace: string;
  readonly method: string;
  readonly channel: string;
  readonly spec: MethodSpec<z.ZodTuple, z.ZodType>;
}

/** Flattens the contract table, for code that wires every method the same way. */
export function bridgeEntries(): BridgeEntry[] {
  const entries: BridgeEntry[] = [];
  for (const [namespace, methods] of Object.entries(bridgeContract)) {
    for (const [name, spec] of Object.entries(methods)) {
      entries.push({ namespace, method: name, channel: channelName(namespace, name), spec: spec as MethodSpec<z.ZodTuple, z.ZodType> });
    }
  }
  return entries;
}

export class BridgeArgumentError extends StroomkringError {
  override readonly name = 'BridgeArgumentError';
  constructor(
    readonly channel: string,
    readonly issues: string,
  ) {
    super(`Invalid arguments for ${channel}: ${issues}`);
  }
}

/** Validates arguments against the contract; throws BridgeArgumentError with the zod issues. */
export function parseArgs(entry: BridgeEntry, args: unknown[]): unknown[] {
  const parsed = entry.spec.args.safeParse(args);
  if (!parsed.success) throw new BridgeArgumentError(entry.channel, z.prettifyError(parsed.error));
  return parsed.data as unknown[];
}

/**
 * Builds a Bridge object from a single `invoke(channel, args)` function: the
 * preload uses ipcRenderer.invoke, tests use a direct call. Arguments are
 * validated on the calling side too, so a renderer bug surfaces as a clear
 * error before anything crosses the process boundary.
 */
export function createBridgeClient(invoke: (channel: string, args: unknown[]) => Promise<unknown>): Bridge {
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const entry of bridgeEntries()) {
    const ns = (client[entry.namespace] ??= {});
    ns[entry.method] = async (...args: unknown[]) => {
      const result = await invoke(entry.channel, parseArgs(entry, args));
      return entry.spec.result.parse(result);
    };
  }
  return client as unknown as Bridge;
}

/**
 * Implementation table a host provides: same shape as Bridge, but handlers
 * receive already-validated arguments.
 */
export type BridgeHandlers = Bridge;

/**
 * Dispatches a call to a handler table after validating arguments and result.
 * Used by the Electron main process (behind sender validation) and by tests.
 */
export async function dispatchBridgeCall(handlers: BridgeHandlers, channel: string, args: unknown[]): Promise<unknown> {
  const entry = bridgeEntries().find((candidate) => candidate.channel === channel);
  if (!entry) throw new BridgeArgumentError(channel, 'unknown channel');
  const validArgs = parseArgs(entry, args);
  const ns = (handlers as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[entry.namespace];
  const handler = ns?.[entry.method];
  if (!handler) throw new BridgeArgumentError(channel, 'no handler registered');
  const result = await handler(...validArgs);
  return entry.spec.result.parse(result);
}
