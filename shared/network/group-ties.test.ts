import { describe, expect, it } from 'vitest';
import { groupTies } from './group-ties';
import { buildNetwork } from './network-model';
import { introductions, members, organisations } from './fixture';

describe('working-group ties', () => {
  it('one tie per pair per group, ordered', () => {
    expect(groupTies([{ id: 'wg', name: 'Opslag', memberIds: ['carla', 'anne', 'bram', 'anne'] }]).map((tie) => tie.id)).toEqual(['wg:anne:bram', 'wg:anne:carla', 'wg:bram:carla']);
    expect(groupTies([{ id: 'solo', name: 'Alleen', memberIds: ['anne'] }])).toEqual([]);
  });

  it('feeds the network picture as shared-group edges', () => {
    const extraTies = groupTies([{ id: 'wg', name: 'Opslag', memberIds: ['anne', 'bram'] }]);
    const model = buildNetwork({ organisations, members, introductions, extraTies });
    expect(model.edges.filter((edge) => edge.kind === 'shared-group')).toEqual([{ id: 'tie:wg:anne:bram', kind: 'shared-group', source: 'person:anne', target: 'person:bram', group: 'Opslag' }]);
  });
});
