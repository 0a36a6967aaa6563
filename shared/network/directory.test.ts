import { describe, expect, it } from 'vitest';
import { directoryEntries, EMPTY_QUERY, expertiseTags, searchDirectory } from './directory';
import { members, organisations } from './fixture';

const entries = directoryEntries(members, organisations, new Set(['bram']));
const names = (query: Partial<typeof EMPTY_QUERY>) => searchDirectory(entries, { ...EMPTY_QUERY, ...query }).map((entry) => entry.member.displayName);

describe('directory', () => {
  it('resolves each member to their organisation by link or by name', () => {
    expect(entries.map((entry) => entry.organisation?.id)).toEqual(['leiden', 'liander', undefined]);
    expect(entries.map((entry) => entry.online)).toEqual([false, true, false]);
  });

  it('searches name, organisation, role, expertise and the free fields, ignoring case and accents', () => {
    expect(names({ text: 'netcongestie' })).toEqual(['Bram Jansen']);
    expect(names({ text: 'energiecooperatie' })).toEqual(['Carla Smit']);
    expect(names({ text: 'ruimte net' })).toEqual(['Anne de Vries']);
    expect(names({ text: 'voorzitter' })).toEqual(['Carla Smit']);
    expect(names({ text: 'BRAM@example' })).toEqual(['Bram Jansen']);
    expect(names({ text: '' })).toHaveLength(3);
  });

  it('filters by type, organisation, expertise and presence', () => {
    expect(names({ types: new Set(['gemeente']) })).toEqual(['Anne de Vries']);
    expect(names({ organisationId: 'leiden' })).toEqual(['Anne de Vries']);
    expect(names({ expertise: 'zon op DAK' })).toEqual(['Bram Jansen']);
    expect(names({ onlineOnly: true })).toEqual(['Bram Jansen']);
  });

  it('collects expertise tags once, sorted', () => {
    expect(expertiseTags([...members, { ...members[0]!, memberId: 'x', expertise: ['warmtenetten'] }])).toEqual(['Netcongestie', 'Warmtenetten', 'Zon op dak']);
  });
});
