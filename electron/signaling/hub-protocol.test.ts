import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOPIC_LENGTH, parseSignalingFrame, parseSignalingText, parseSignalingValue, toClientPublish, toRelayedPublish } from './hub-protocol.ts';

describe('hub protocol: what y-webrtc 10.3.0 sends', () => {
  it('parses subscribe, unsubscribe, publish and ping exactly as SignalingConn sends them', () => {
    expect(parseSignalingText('{"type":"subscribe","topics":["room-a","room-b"]}')).toEqual({ ok: true, message: { type: 'subscribe', topics: ['room-a', 'room-b'] } });
    expect(parseSignalingText('{"type":"unsubscribe","topics":["room-a"]}')).toEqual({ ok: true, message: { type: 'unsubscribe', topics: ['room-a'] } });
    expect(parseSignalingText('{"type":"ping"}')).toEqual({ ok: true, message: { type: 'ping' } });
    expect(parseSignalingText('{"type":"pong"}')).toEqual({ ok: true, message: { type: 'pong' } });
    // Encrypted room: data is a base64 string. Unencrypted: a plain object. Both pass through untouched.
    const encrypted = parseSignalingText('{"type":"publish","topic":"room-a","data":"AAECAw=="}');
    expect(encrypted).toEqual({ ok: true, message: { type: 'publish', topic: 'room-a', data: 'AAECAw==' } });
    const plain = { type: 'publish', topic: 'r', data: { type: 'signal', from: 'p1', to: 'p2', token: 0.5, signal: { type: 'offer', sdp: 'v=0' } }, extra: [1] };
    expect(parseSignalingValue(plain)).toEqual({ ok: true, message: plain });
  });

  it('accepts an empty subscribe (SignalingConn sends one when it has no rooms yet)', () => {
    expect(parseSignalingText('{"type":"subscribe","topics":[]}')).toEqual({ ok: true, message: { type: 'subscribe', topics: [] } });
  });

  it('skips non-string and oversized topics one by one, like bin/server.js', () => {
    const long = 'x'.repeat(MAX_TOPIC_LENGTH + 1);
    expect(parseSignalingValue({ type: 'subscribe', topics: ['a', 1, null, '', long, 'b'] })).toEqual({ ok: true, message: { type: 'subscribe', topics: ['a', 'b'] } });
  });

  it('reads the federation relay tag and refuses a malformed one', () => {
    expect(parseSignalingValue({ type: 'publish', topic: 't', data: 1, relay: { hub: 'h', seq: 3 } })).toEqual({
      ok: true,
      message: { type: 'publish', topic: 't', data: 1, relay: { hub: 'h', seq: 3 } },
    });
    expect(parseSignalingValue({ type: 'publish', topic: 't', relay: { hub: 'h', seq: -1 } })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('strips the relay tag for ordinary clients and sets clients like bin/server.js', () => {
    const message = { type: 'publish' as const, topic: 't', data: 'x', relay: { hub: 'h', seq: 1 }, clients: 9 };
    expect(toClientPublish(message, 2)).toEqual({ type: 'publish', topic: 't', data: 'x', clients: 2 });
    expect(toRelayedPublish(message, { hub: 'me', seq: 5 })).toEqual({ type: 'publish', topic: 't', data: 'x', relay: { hub: 'me', seq: 5 } });
  });
});

describe('hub protocol: garbage', () => {
  it.each([
    ['', 'not-json'],
    ['{', 'not-json'],
    ['null', 'not-object'],
    ['[]', 'not-object'],
    ['"publish"', 'not-object'],
    ['42', 'not-object'],
    ['{}', 'unknown-type'],
    ['{"type":"hello"}', 'unknown-type'],
    ['{"type":"__proto__"}', 'unknown-type'],
    ['{"type":"toString"}', 'unknown-type'],
    ['{"type":"subscribe"}', 'invalid'],
    ['{"type":"subscribe","topics":"room"}', 'invalid'],
    ['{"type":"publish"}', 'invalid'],
    ['{"type":"publish","topic":""}', 'invalid'],
    ['{"type":"publish","topic":7}', 'invalid'],
  ])('%j → %s', (text, reason) => {
    expect(parseSignalingText(text)).toMatchObject({ ok: false, reason });
  });

  it('refuses binary frames and invalid UTF-8', () => {
    expect(parseSignalingFrame(Buffer.from('{"type":"ping"}'), true)).toEqual({ ok: false, reason: 'binary' });
    expect(parseSignalingFrame(Buffer.from([0xff, 0xfe]), false)).toEqual({ ok: false, reason: 'not-utf8' });
    expect(parseSignalingFrame([Buffer.from('{"type":'), Buffer.from('"ping"}')], false)).toEqual({ ok: true, message: { type: 'ping' } });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(typeof parseSignalingText(text).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes, text or binary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, isBinary) => {
        expect(typeof parseSignalingFrame(Buffer.from(bytes), isBinary).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON, and whatever it accepts is well-typed', () => {
    const type = fc.constantFrom('subscribe', 'unsubscribe', 'publish', 'ping', 'pong', 'other');
    const messageLike = fc.record({ type, topic: fc.jsonValue(), topics: fc.jsonValue(), relay: fc.jsonValue(), data: fc.jsonValue() }, { requiredKeys: ['type'] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), messageLike), (value) => {
        const result = parseSignalingText(JSON.stringify(value) ?? 'undefined');
        if (!result.ok) return;
        const m = result.message;
        if (m.type === 'subscribe' || m.type === 'unsubscribe') expect(m.topics.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
        if (m.type === 'publish') expect(typeof m.topic).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
