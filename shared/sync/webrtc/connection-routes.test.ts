import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectAttempts, FAILURE_MEMORY_MS, routeOf } from './connection-routes';

const candidate = (id: string, type: 'local-candidate' | 'remote-candidate', candidateType: string) => ({ id, type, candidateType });
const pair = (id: string, fields: Record<string, unknown>) => ({ id, type: 'candidate-pair', localCandidateId: 'L', remoteCandidateId: 'R', ...fields });

describe('the route of a connection, from its statistics', () => {
  it("reads the transport's selected pair (Chromium), or the nominated pair that succeeded", () => {
    const chromium = (local: string, remote: string) => [{ id: 'T', type: 'transport', selectedCandidatePairId: 'P' }, pair('P', { state: 'succeeded' }), pair('X', { state: 'failed', localCandidateId: 'L2' }), candidate('L', 'local-candidate', local), candidate('L2', 'local-candidate', 'relay'), candidate('R', 'remote-candidate', remote)];
    expect(routeOf(chromium('host', 'host'))).toBe('direct');
    expect(routeOf(chromium('srflx', 'prflx'))).toBe('direct');
    expect(routeOf(chromium('relay', 'host'))).toBe('relay');
    expect(routeOf(chromium('host', 'relay'))).toBe('relay');
    expect(routeOf([pair('P', { state: 'succeeded', nominated: true }), candidate('L', 'local-candidate', 'relay'), candidate('R', 'remote-candidate', 'relay')])).toBe('relay');
    expect(routeOf([pair('P', { state: 'succeeded', selected: true }), candidate('L', 'local-candidate', 'host'), candidate('R', 'remote-candidate', 'srflx')])).toBe('direct');
  });

  it('says nothing before a pair is chosen, or when the pair names a candidate it does not list', () => {
    expect(routeOf([])).toBeUndefined();
    expect(routeOf([pair('P', { state: 'in-progress', nominated: true }), candidate('L', 'local-candidate', 'host'), candidate('R', 'remote-candidate', 'host')])).toBeUndefined();
    expect(routeOf([{ id: 'T', type: 'transport', selectedCandidatePairId: 'P' }, pair('P', { state: 'succeeded' }), candidate('L', 'local-candidate', 'host')])).toBeUndefined();
  });

  it('never throws on statistics of any shape, and says relay exactly when the chosen pair has a relay end', () => {
    const types = fc.constantFrom('host', 'srflx', 'prflx', 'relay', undefined);
    fc.assert(
      fc.property(types, types, fc.array(fc.record({ id: fc.string(), type: fc.string(), selectedCandidatePairId: fc.anything() })), (local, remote, noise) => {
        const entries = [...noise.filter((entry) => !['T', 'P', 'L', 'R'].includes(entry.id) && entry.type !== 'transport' && entry.type !== 'candidate-pair'), { id: 'T', type: 'transport', selectedCandidatePairId: 'P' }, pair('P', { state: 'succeeded' }), { id: 'L', type: 'local-candidate', candidateType: local }, { id: 'R', type: 'remote-candidate', candidateType: remote }];
        const expected = local === undefined || remote === undefined ? undefined : local === 'relay' || remote === 'relay' ? 'relay' : 'direct';
        expect(routeOf(entries)).toBe(expected);
      }),
    );
    fc.assert(fc.property(fc.array(fc.dictionary(fc.constantFrom('id', 'type', 'selectedCandidatePairId', 'localCandidateId', 'remoteCandidateId', 'state', 'nominated', 'candidateType'), fc.anything())), (entries) => void routeOf(entries as never)));
  });
});

/** The parts of an RTCPeerConnection the watch reads, driven by hand. */
class FakeConnection extends EventTarget {
  iceConnectionState = 'new';
  connectionState = 'new';
  remoteDescription: object | null = null;
  gather(candidate: string): void {
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate } }));
  }
  become(state: string): void {
    this.iceConnectionState = state;
    this.dispatchEvent(new Event('iceconnectionstatechange'));
  }
}

describe('why connection attempts fail', () => {
  const setUp = (relayConfigured: boolean) => {
    let now = 1_000;
    const attempts = new ConnectAttempts(relayConfigured, () => now);
    const attempt = () => {
      const pc = new FakeConnection();
      attempts.created(pc as unknown as RTCPeerConnection);
      return { pc, close: () => attempts.closing(pc as unknown as RTCPeerConnection) };
    };
    return { attempts, attempt, later: (ms: number) => (now += ms) };
  };

  it('names an unreachable TURN server when one is set and no relay candidate was gathered', () => {
    const { attempts, attempt } = setUp(true);
    const { pc, close } = attempt();
    pc.gather('candidate:1 1 udp 2122260223 10.0.1.2 50000 typ host generation 0');
    pc.remoteDescription = { type: 'answer' };
    close();
    expect(attempts.problem()).toBe('relayUnreachable');
  });

  it('names a missing path when the relay was there, or none is set', () => {
    for (const relayConfigured of [true, false]) {
      const { attempts, attempt } = setUp(relayConfigured);
      const { pc, close } = attempt();
      pc.gather('candidate:2 1 udp 41885439 10.0.1.1 49152 typ relay raddr 10.0.1.2 rport 50000 generation 0');
      pc.remoteDescription = { type: 'offer' };
      close();
      expect(attempts.problem()).toBe('noPath');
    }
  });

  it('counts neither a partner who left before answering nor a connection that was up; forgets old failures; an open connection clears them', () => {
    const { attempts, attempt, later } = setUp(true);
    attempt().close();
    expect(attempts.problem()).toBeUndefined();
    const up = attempt();
    up.pc.remoteDescription = {};
    up.pc.become('connected');
    up.close();
    expect(attempts.problem()).toBeUndefined();

    const failed = attempt();
    failed.pc.remoteDescription = {};
    failed.close();
    expect(attempts.problem()).toBe('relayUnreachable');
    later(FAILURE_MEMORY_MS);
    expect(attempts.problem()).toBeUndefined();

    const again = attempt();
    again.pc.remoteDescription = {};
    again.close();
    expect(attempts.problem()).toBe('relayUnreachable');
    attempt().pc.become('completed');
    expect(attempts.problem()).toBeUndefined();
  });
});
