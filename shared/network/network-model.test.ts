import { describe, expect, it } from 'vitest';
import { introductions, members, organisations } from './fixture';
import { buildNetwork, typesIn } from './network-model';

const input = { organisations, members, introductions };

describe('network model', () => {
  it('turns organisations, people and ties into nodes and edges', () => {
    const { nodes, edges } = buildNetwork(input);
    expect(nodes.map((node) => [node.id, node.typeId])).toEqual([
      ['org:leiden', 'gemeente'],
      ['org:liander', 'netbeheerder'],
      ['person:anne', 'gemeente'],
      ['person:bram', 'netbeheerder'],
      ['person:carla', undefined],
    ]);
    expect(edges.map((edge) => [edge.kind, edge.source, edge.target])).toEqual([
      ['member-of', 'person:anne', 'org:leiden'],
      ['member-of', 'person:bram', 'org:liander'],
      ['introduced', 'person:bram', 'person:carla'],
      ['introduced', 'person:carla', 'org:leiden'],
      ['invited', 'person:anne', 'person:bram'],
      ['invited', 'person:anne', 'person:carla'],
    ]);
    expect(edges.find((edge) => edge.id === 'intro:i1')).toMatchObject({ by: 'anne', note: 'Allebei bezig met zon op dak' });
  });

  it('filters by stakeholder type and drops ties to those filtered out', () => {
    const { nodes, edges } = buildNetwork(input, { types: new Set(['netbeheerder']) });
    expect(nodes.map((node) => node.id)).toEqual(['org:liander', 'person:bram']);
    expect(edges.map((edge) => edge.id)).toEqual(['member:bram']);
  });

  it('drops ties to ids that no valid entry has, and self-loops', () => {
    const { edges } = buildNetwork({
      ...input,
      introductions: [{ id: 'x', kind: 'members', by: 'anne', a: 'bram', b: 'ghost', note: '', createdAt: 1 }],
      extraTies: [{ id: 'g', kind: 'shared-group', memberA: 'anne', memberB: 'anne', group: 'Zon' }, { id: 'h', kind: 'shared-group', memberA: 'anne', memberB: 'bram', group: 'Zon' }],
    });
    expect(edges.map((edge) => edge.id)).toEqual(['member:anne', 'member:bram', 'tie:h']);
  });

  it('lists the stakeholder types present', () => {
    expect(typesIn(organisations)).toEqual(['gemeente', 'netbeheerder']);
  });
});
