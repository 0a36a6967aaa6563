import * as Y from 'yjs';

/**
 * A whole energy region's partners, as Holland Rijnland's RES has them: 30
 * organisations of every kind. The specs add them to a workspace as one
 * document update, as if a partner had typed them in, so a check at region
 * size does not spend minutes on forms.
 */
export const REGION_ORGANISATIONS: readonly { readonly name: string; readonly type: string }[] = [
  { name: 'Provincie Zuid-Holland', type: 'provincie' },
  ...['Alphen aan den Rijn', 'Hillegom', 'Kaag en Braassem', 'Katwijk', 'Leiden', 'Leiderdorp', 'Lisse', 'Nieuwkoop', 'Noordwijk', 'Oegstgeest', 'Teylingen', 'Voorschoten', 'Zoeterwoude'].map((name) => ({
    name: `Gemeente ${name}`,
    type: 'gemeente',
  })),
  { name: 'Hoogheemraadschap van Rijnland', type: 'waterschap' },
  { name: 'Liander', type: 'netbeheerder' },
  { name: 'TenneT', type: 'netbeheerder' },
  { name: 'Eneco', type: 'energiebedrijf' },
  { name: 'Vattenfall', type: 'energiebedrijf' },
  ...['Portaal Leiden', 'Ons Doel', 'De Sleutels', 'Rijnhart Wonen', 'Stek Wonen'].map((name) => ({ name, type: 'woningcorporatie' })),
  { name: 'Energiecoöperatie Leiden', type: 'energiecooperatie' },
  { name: 'Duurzaam Katwijk', type: 'energiecooperatie' },
  { name: 'Universiteit Leiden', type: 'kennisinstelling' },
  { name: 'Natuur en Milieufederatie Zuid-Holland', type: 'maatschappelijk' },
  { name: 'VNO-NCW West', type: 'bedrijfsleven' },
  { name: 'Greenport Duin- en Bollenstreek', type: 'bedrijfsleven' },
];

/**
 * The region's organisations as one Yjs update (V2, as stored), in the shape
 * a partner's app writes them (shared/workspace-doc/organisations.ts; that
 * module is not imported here because the region list it pulls in is JSON,
 * which Playwright's loader does not import without an import attribute).
 */
export function regionOrganisationsUpdate(memberId: string, now = Date.now()): Uint8Array {
  const peer = new Y.Doc();
  const organisations = peer.getMap('organisations');
  REGION_ORGANISATIONS.forEach((organisation, index) => {
    const entry = new Y.Map<unknown>();
    for (const [field, value] of Object.entries({ ...organisation, description: '', website: '', createdAt: now + index, updatedAt: now + index, createdBy: memberId })) entry.set(field, value);
    organisations.set(`region-${index}`, entry);
  });
  return Y.encodeStateAsUpdateV2(peer);
}

const GOAL_THEMES = ['Zon op daken', 'Wind langs de A4', 'Warmtenet', 'Aquathermie', 'Netcongestie', 'Laadpleinen', 'Isolatie huurwoningen', 'Zonneveld', 'Waterstof', 'Batterijopslag'];

/**
 * Goals as a partner's app writes them (shared/workspace-doc/goals.ts), each
 * inviting between 3 and 10 of the region's organisations (the ids
 * regionOrganisationsUpdate gives them), with one paragraph of text.
 */
export function regionGoalsUpdate(count: number, memberId: string, now = Date.now()): Uint8Array {
  const peer = new Y.Doc();
  const goals = peer.getMap('goals');
  for (let index = 0; index < count; index += 1) {
    const entry = new Y.Map<unknown>();
    goals.set(`region-goal-${index}`, entry);
    entry.set('title', `${GOAL_THEMES[index % GOAL_THEMES.length] as string} ${Math.floor(index / GOAL_THEMES.length) + 1}`);
    entry.set('createdBy', memberId);
    entry.set('createdAt', now + index);
    const statement = new Y.XmlFragment();
    entry.set('statement', statement);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`In 2030 heeft de regio samen stap ${index + 1} gezet.`)]);
    statement.insert(0, [paragraph]);
    const organisations = new Y.Map<unknown>();
    entry.set('organisations', organisations);
    for (let k = 0; k < 3 + (index % 8); k += 1) organisations.set(`region-${(index * 7 + k) % REGION_ORGANISATIONS.length}`, { addedBy: memberId, at: now });
    entry.set('versions', new Y.Array<unknown>());
    entry.set('stances', new Y.Array<unknown>());
  }
  return Y.encodeStateAsUpdateV2(peer);
}

const FIRST_NAMES = ['Anne', 'Bram', 'Carla', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanna', 'Ilse', 'Joost', 'Karin', 'Lars', 'Maaike', 'Niels', 'Olga'];
const LAST_NAMES = ['de Vries', 'Jansen', 'Smit', 'Bakker', 'Visser', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters'];
const ROLES = ['Programmamanager energie', 'Beleidsadviseur', 'Netstrateeg', 'Projectleider warmte', 'Wethouder duurzaamheid'];

/**
 * People as their own apps write their member entries
 * (shared/workspace-doc/members.ts), five per organisation of the region,
 * each with a made-up key of the right form.
 */
export function regionPeopleUpdate(count: number, now = Date.now()): Uint8Array {
  const peer = new Y.Doc();
  const members = peer.getMap('members');
  for (let index = 0; index < count; index += 1) {
    const memberId = `region-member-${index}`;
    const entry = new Y.Map<unknown>();
    const organisation = REGION_ORGANISATIONS[Math.floor(index / 5) % REGION_ORGANISATIONS.length] as { name: string };
    const fields = {
      memberId,
      displayName: `${FIRST_NAMES[index % FIRST_NAMES.length] as string} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string}`,
      organisationName: organisation.name,
      role: ROLES[index % ROLES.length] as string,
      publicKey: `${'A'.repeat(40)}${String(index).padStart(3, '0')}`,
      joinedAt: now + index,
    };
    for (const [field, value] of Object.entries(fields)) entry.set(field, value);
    members.set(memberId, entry);
  }
  return Y.encodeStateAsUpdateV2(peer);
}
