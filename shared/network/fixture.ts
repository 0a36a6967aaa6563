/** A small workspace for the network and directory tests: a municipality, a grid operator, three people. */
import type { Organisation } from '../domain/organisation';
import type { Introduction } from '../workspace-doc/introductions';
import type { Member } from '../workspace-doc/members';

const organisation = (id: string, name: string, type: string): Organisation => ({ id, name, type, description: '', website: '', createdAt: 1, updatedAt: 1, createdBy: 'anne' });

export const organisations: Organisation[] = [organisation('leiden', 'Gemeente Leiden', 'gemeente'), organisation('liander', 'Liander', 'netbeheerder')];

const member = (memberId: string, displayName: string, organisationName: string, extra: Partial<Member> = {}): Member => ({
  memberId,
  displayName,
  organisationName,
  role: 'Adviseur',
  publicKey: 'A'.repeat(43),
  joinedAt: 10,
  ...extra,
});

export const members: Member[] = [
  member('anne', 'Anne de Vries', 'Gemeente Leiden', { expertise: ['Warmtenetten'], seeks: 'Ruimte op het net' }),
  member('bram', 'Bram Jansen', 'liander', { invitedBy: 'anne', joinedAt: 20, expertise: ['Netcongestie', 'Zon op dak'], contact: 'bram@example.nl' }),
  member('carla', 'Carla Smit', 'Energiecoöperatie Zuid', { invitedBy: 'anne', joinedAt: 30, role: 'Voorzitter' }),
];

export const introductions: Introduction[] = [
  { id: 'i1', kind: 'members', by: 'anne', a: 'bram', b: 'carla', note: 'Allebei bezig met zon op dak', createdAt: 40 },
  { id: 'i2', kind: 'organisation', by: 'bram', a: 'carla', b: 'leiden', note: 'Subsidie', createdAt: 50 },
  { id: 'invite:bram', kind: 'invite', by: 'anne', a: 'bram', createdAt: 20 },
  { id: 'invite:carla', kind: 'invite', by: 'anne', a: 'carla', createdAt: 30 },
];
