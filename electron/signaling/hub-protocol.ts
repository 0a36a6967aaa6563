/**
 * The y-webrtc signaling protocol, as spoken by y-webrtc 10.3.0's
 * `SignalingConn` (src/y-webrtc.js) and its reference server (bin/server.js),
 * plus the small extension Stroomkring hubs use between each other.
 *
 * Wire format: one JSON object per WebSocket *text* frame.
 *
 *   client → hub
 *     {"type":"subscribe","topics":["<room>", ...]}
 *     {"type":"unsubscribe","topics":["<room>", ...]}
 *     {"type":"publish","topic":"<room>","data":<any JSON>}
 *         y-webrtc puts a base64 AES-GCM blob in `data` when the room has a
 *         password, a plain object ({type:"announce"|"signal", from, to?, ...})
 *         otherwise. The hub never looks inside `data`.
 *     {"type":"ping"}
 *
 *   hub → client
 *     {"type":"publish","topic":"<room>","data":...,"clients":<n>}
 *         every field of the publish as received, `clients` set to the number
 *         of subscribers of the topic at this hub (as bin/server.js does);
 *         the publisher receives its own message too (y-webrtc drops it).
 *     {"type":"pong"}                                   (answer to "ping")
 *
 *   hub ↔ hub (Stroomkring federation; stock clients and servers ignore it)
 *     Upgrade request and response carry the header `x-stroomkring-hub: <hub id>`.
 *     A publish passed between hubs carries `"relay":{"hub":"<origin hub id>","seq":<n>}`.
 *     (hub, seq) names one original publish: receivers drop echoes of their
 *     own messages and duplicates that arrive over more than one link, and
 *     never pass a relayed publish on to another hub (at most one hop).
 *     The tag is removed before a publish reaches an ordinary client.
 *
 * Unknown message types are not errors: bin/server.js ignores them, and so
 * do we. Parsing never throws; callers get a typed result and decide.
 */
import { z } from 'zod';

/** y-webrtc room names are short; ours are hashes. Anything this long is abuse, not a room. */
export const MAX_TOPIC_LENGTH = 1024;

/** Header by which one hub tells another (and itself) who is calling. */
export const HUB_ID_HEADER = 'x-stroomkring-hub';

const Topic = z.string().min(1).max(MAX_TOPIC_LENGTH);

/** bin/server.js skips non-string entries one by one instead of rejecting the message; so do we. */
const TopicList = z.array(z.unknown()).transform((items) => items.filter((item): item is string => Topic.safeParse(item).success));

export const RelayTagSchema = z.object({
  hub: z.string().min(1).max(128),
  seq: z.number().int().nonnegative(),
});
export type RelayTag = z.infer<typeof RelayTagSchema>;

export const SubscribeMessageSchema = z.object({ type: z.literal('subscribe'), topics: TopicList });
export const UnsubscribeMessageSchema = z.object({ type: z.literal('unsubscribe'), topics: TopicList });
/** Loose: every other field travels on untouched, exactly like bin/server.js forwards the whole object. */
export const PublishMessageSchema = z.looseObject({
  type: z.literal('publish'),
  topic: Topic,
  relay: RelayTagSchema.optional(),
});
export const PingMessageSchema = z.object({ type: z.literal('ping') });
export const PongMessageSchema = z.object({ type: z.literal('pong') });

export type SubscribeMessage = z.infer<typeof SubscribeMessageSchema>;
export type UnsubscribeMessage = z.infer<typeof UnsubscribeMessageSchema>;
export type PublishMessage = z.infer<typeof PublishMessageSchema>;
export type PingMessage = z.infer<typeof PingMessageSchema>;
export type PongMessage = z.infer<typeof PongMessageSchema>;
export type SignalingMessage = SubscribeMessage | UnsubscribeMessage | PublishMessage | PingMessage | PongMessage;

const schemaByType = {
  subscribe: SubscribeMessageSchema,
  unsubscribe: UnsubscribeMessageSchema,
  publish: PublishMessageSchema,
  ping: PingMessageSchema,
  pong: PongMessageSchema,
} as const;

export type ParseFailure = 'binary' | 'not-utf8' | 'not-json' | 'not-object' | 'unknown-type' | 'invalid';
export type ParseResult = { ok: true; message: SignalingMessage } | { ok: false; reason: ParseFailure; detail?: string };

const isKnownType = (type: unknown): type is keyof typeof schemaByType => typeof type === 'string' && Object.hasOwn(schemaByType, type);

/** Validates an already-decoded JSON value. */
export function parseSignalingValue(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not-object' };
  const type = (value as { type?: unknown }).type;
  if (!isKnownType(type)) return { ok: false, reason: 'unknown-type' };
  const result = schemaByType[type].safeParse(value);
  if (!result.success) return { ok: false, reason: 'invalid', detail: result.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, message: result.data };
}

/** Parses the text of one frame. */
export function parseSignalingText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  return parseSignalingValue(value);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses one WebSocket frame as `ws` hands it over. Binary frames are refused:
 * y-webrtc only ever sends text, so a binary frame is a foreign or broken client.
 */
export function parseSignalingFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ParseResult {
  if (isBinary) return { ok: false, reason: 'binary' };
  const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  return parseSignalingText(text);
}

/** The form a publish takes for an ordinary client: no federation tag, `clients` as bin/server.js sets it. */
export function toClientPublish(message: PublishMessage, clients: number): Record<string, unknown> {
  const { relay: _relay, ...rest } = message;
  return { ...rest, clients };
}

/** The form a publish takes between hubs. */
export function toRelayedPublish(message: PublishMessage, relay: RelayTag): Record<string, unknown> {
  const { clients: _clients, ...rest } = message;
  return { ...rest, relay };
}

export const encodeSignalingMessage = (message: SignalingMessage | Record<string, unknown>): string => JSON.stringify(message);
