/**
 * The directory of people: each member with their resolved organisation and
 * presence, and a search over everything they told about themselves.
 */
import type { Organisation } from '../domain/organisation';
import { organisationIdOf, type Member } from '../workspace-doc/members';

export interface DirectoryEntry {
  readonly member: Member;
  /** The workspace organisation they belong to, if linked or matched by name. */
  readonly organisation: Organisation | undefined;
  readonly online: boolean;
}

export interface DirectoryQuery {
  /** Free text; every word must occur in one of the searchable fields. */
  readonly text: string;
  /** Stakeholder types; empty means all. */
  readonly types: ReadonlySet<string>;
  /** Organisation id, or undefined for all. */
  readonly organisationId: string | undefined;
  /** Expertise tag (case-insensitive), or undefined for all. */
  readonly expertise: string | undefined;
  readonly onlineOnly: boolean;
}

export const EMPTY_QUERY: DirectoryQuery = { text: '', types: new Set(), organisationId: undefined, expertise: undefined, onlineOnly: false };

const fold = (value: string) => value.toLocaleLowerCase('nl').normalize('NFD').replace(/\p{Diacritic}/gu, '');

export function directoryEntries(members: readonly Member[], organisations: readonly Organisation[], online: ReadonlySet<string>): DirectoryEntry[] {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return members.map((member) => {
    const organisationId = organisationIdOf(member, organisations);
    return { member, organisation: organisationId ? byId.get(organisationId) : undefined, online: online.has(member.memberId) };
  });
}

function haystack(entry: DirectoryEntry): string {
  const { member, organisation } = entry;
  return fold([member.displayName, member.organisationName, organisation?.name ?? '', member.role, ...(member.expertise ?? []), member.contact ?? '', member.brings ?? '', member.seeks ?? ''].join('\n'));
}

export function searchDirectory(entries: readonly DirectoryEntry[], query: DirectoryQuery): DirectoryEntry[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const expertise = query.expertise === undefined ? undefined : fold(query.expertise);
  return entries.filter((entry) => {
    if (query.onlineOnly && !entry.online) return false;
    if (query.types.size > 0 && !(entry.organisation && query.types.has(entry.organisation.type))) return false;
    if (query.organisationId !== undefined && entry.organisation?.id !== query.organisationId) return false;
    if (expertise !== undefined && !(entry.member.expertise ?? []).some((tag) => fold(tag) === expertise)) return false;
    if (words.length === 0) return true;
    const text = haystack(entry);
    return words.every((word) => text.includes(word));
  });
}

/** Every expertise tag in use, once (first spelling wins), sorted. */
export function expertiseTags(members: readonly Member[]): string[] {
  const tags = new Map<string, string>();
  for (const member of members) for (const tag of member.expertise ?? []) if (!tags.has(fold(tag))) tags.set(fold(tag), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b, 'nl'));
}
