import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMeshMessage, encodeMeshMessage, MeshWireError, MESH_TAG, MESH_VERSION, type MeshMessage } from './wire';

const bytes = fc.uint8Array({ maxLength: 64 });
const uint = fc.nat({ max: 2 ** 32 - 1 });
const message: fc.Arbitrary<MeshMessage> = fc.oneof(
  fc.record({ kind: fc.constant('hello' as const), snapshot: bytes, digest: bytes, degree: fc.nat(64), origin: uint }),
  fc.record({ kind: fc.constant('broadcast' as const), channel: fc.constantFrom(0 as const, 1 as const), origin: uint, seq: uint, payload: bytes }),
  fc.record({ kind: fc.constant('ihave' as const), ids: fc.array(fc.record({ origin: uint, seq: uint }), { maxLength: 20 }) }),
  fc.record({ kind: fc.constant('graft' as const), origin: uint, seq: uint }),
  fc.record({ kind: fc.constant('prune' as const), origin: uint }),
  fc.record({ kind: fc.constant('stateRequest' as const), snapshot: bytes }),
  fc.record({ kind: fc.constant('stateReply' as const), stateVector: bytes, changes: fc.array(bytes, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('digest' as const), digest: bytes, degree: fc.nat(64) }),
  fc.record({ kind: fc.constant('awarenessState' as const), update: bytes }),
);

describe('mesh wire format', () => {
  it('reads back every message it writes (property)', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(decodeMeshMessage(encodeMeshMessage(m))).toEqual(m);
      }),
    );
  });

  it('throws only MeshWireError on random, cut-off or extended bytes (property)', () => {
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 80 }),
      message.chain((m) => {
        const encoded = encodeMeshMessage(m);
        return fc.oneof(fc.nat(encoded.length - 1).map((n) => encoded.slice(0, n)), fc.uint8Array({ minLength: 1, maxLength: 4 }).map((extra) => new Uint8Array([...encoded, ...extra])));
      }),
    );
    fc.assert(
      fc.property(damaged, (data) => {
        try {
          decodeMeshMessage(data);
        } catch (error) {
          expect(error).toBeInstanceOf(MeshWireError);
        }
      }),
    );
  });

  it('names what it refuses: not ours, another version, damaged', () => {
    const problem = (data: number[]) => {
      try {
        decodeMeshMessage(new Uint8Array(data));
        return 'accepted';
      } catch (error) {
        return error instanceof MeshWireError ? [error.problem, error.version] : 'other error';
      }
    };
    expect(problem([0, 0, 1, 0])).toEqual(['notMesh', undefined]);
    expect(problem([MESH_TAG, MESH_VERSION + 1, 1])).toEqual(['otherVersion', MESH_VERSION + 1]);
    expect(problem([MESH_TAG, MESH_VERSION, 42])).toEqual(['malformed', undefined]);
    expect(problem([MESH_TAG, MESH_VERSION, 5])).toEqual(['malformed', undefined]);
  });
});
