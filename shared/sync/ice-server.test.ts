import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIceLine, type IceLineProblem } from './ice-server';

describe('a STUN/TURN settings line', () => {
  it('takes the addresses of RFC 7064 and 7065, with credentials where TURN needs them', () => {
    for (const line of [
      'stun:stun.example.nl',
      'stun:stun.example.nl:3478',
      'stuns:stun.example.nl:5349',
      'stun:192.0.2.7:3478',
      'stun:[2001:db8::1]:3478',
      'turn:turn.example.nl:3478 naam geheim',
      'turn:turn.example.nl:3478?transport=tcp naam geheim',
      'turns:turn.example.nl:5349?transport=tcp naam geheim',
      '  turn:10.0.0.1   naam   geheim  ',
    ]) {
      expect(parseIceLine(line), line).toMatchObject({ ok: true });
    }
    expect(parseIceLine('turn:turn.example.nl:3478 naam geheim')).toEqual({ ok: true, server: { urls: 'turn:turn.example.nl:3478', username: 'naam', credential: 'geheim' } });
  });

  it('names what is wrong with a line', () => {
    const cases: [string, IceLineProblem][] = [
      ['https://turn.example.nl', 'scheme'],
      ['turn.example.nl:3478', 'scheme'],
      ['stun://stun.example.nl', 'host'],
      ['stun:', 'host'],
      ['stun:stun.example.nl/pad', 'host'],
      ['stun:2001:db8::1', 'port'],
      ['stun:stun.example.nl:0', 'port'],
      ['stun:stun.example.nl:70000', 'port'],
      ['stun:stun.example.nl:http', 'port'],
      ['stun:stun.example.nl?transport=udp', 'transport'],
      ['turn:turn.example.nl?transport=sctp naam geheim', 'transport'],
      ['turn:turn.example.nl:3478', 'turnNeedsCredentials'],
      ['turn:turn.example.nl:3478 naam', 'turnNeedsCredentials'],
      ['stun:stun.example.nl naam geheim', 'stunHasCredentials'],
      ['turn:turn.example.nl naam geheim en meer', 'extraParts'],
      [`stun:${'a'.repeat(300)}.nl`, 'tooLong'],
    ];
    for (const [line, problem] of cases) expect(parseIceLine(line), line).toEqual({ ok: false, line, problem });
  });

  it('never throws, and what it takes is a stun: or turn: address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (line) => {
        const parsed = parseIceLine(line);
        if (parsed.ok) expect(parsed.server.urls).toMatch(/^(stuns?|turns?):[^\s]+$/);
      }),
    );
  });
});
