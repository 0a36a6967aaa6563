/**
 * How connected the network is, in two numbers the community manager can act on:
 *
 * - largestComponentShare: the share of organisations that reach each other
 *   through ties between their people, in the largest such cluster. Two
 *   organisations are tied when an introduction or invite joins a person of
 *   one with a person of (or the organisation) the other. 1 means nobody
 *   stands outside; 0.5 means half the parties have not met the core yet.
 * - tiesPerMember: the average number of distinct other people a member is
 *   directly tied to by an introduction or invite. It grows as people get to
 *   know each other, even inside an already connected cluster.
 *
 * The introducer is not tied by introducing: making an introduction says
 * nothing about whether the two met the introducer anew.
 */
import type { Organisation } from '../domain/organisation';
import type { Introduction } from '../workspace-doc/introductions';
import { organisationIdOf, type Member } from '../workspace-doc/members';

export interface Connectedness {
  readonly largestComponentShare: number;
  readonly tiesPerMember: number;
  /** Organisations not tied to any other (only when there are at least two). */
  readonly unconnectedOrganisationIds: readonly string[];
}

/** The two ends of a tie: people as `person:<id>`, an organisation as `org:<id>`. */
function endsOf(intro: Introduction): [string, string] {
  if (intro.kind === 'invite') return [`person:${intro.by}`, `person:${intro.a}`];
  return [`person:${intro.a}`, intro.kind === 'members' ? `person:${intro.b}` : `org:${intro.b}`];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** Each member's organisation, resolved once (organisationIdOf scans every organisation by name). */
export function resolveOrganisations(members: readonly Member[], organisations: readonly Organisation[]): Map<string, string | undefined> {
  return new Map(members.map((m) => [m.memberId, organisationIdOf(m, organisations)]));
}

/**
 * `resolved` lets a caller sampling many moments resolve members once; an
 * organisation not (yet) in `organisations` is then simply not counted.
 */
export function connectedness(organisations: readonly Organisation[], members: readonly Member[], introductions: readonly Introduction[], resolved?: ReadonlyMap<string, string | undefined>): Connectedness {
  const orgIds = new Set(organisations.map((o) => o.id));
  const resolvedAll = resolved ?? resolveOrganisations(members, organisations);
  const organisationOf = new Map<string, string | undefined>(members.map((m) => {
    const organisationId = resolvedAll.get(m.memberId);
    return [m.memberId, organisationId !== undefined && orgIds.has(organisationId) ? organisationId : undefined];
  }));
  const resolve = (end: string): string | undefined => (end.startsWith('org:') ? (orgIds.has(end.slice(4)) ? end.slice(4) : undefined) : organisationOf.get(end.slice(7)));

  const groups = new UnionFind();
  const tied = new Set<string>();
  const personPairs = new Set<string>();
  for (const intro of introductions) {
    const [a, b] = endsOf(intro);
    const [orgA, orgB] = [resolve(a), resolve(b)];
    if (orgA !== undefined && orgB !== undefined && orgA !== orgB) {
      groups.union(orgA, orgB);
      tied.add(orgA).add(orgB);
    }
    if (b.startsWith('person:') && a !== b && organisationOf.has(a.slice(7)) && organisationOf.has(b.slice(7))) personPairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  }

  const sizes = new Map<string, number>();
  for (const id of orgIds) sizes.set(groups.find(id), (sizes.get(groups.find(id)) ?? 0) + 1);
  const largest = Math.max(0, ...sizes.values());
  return {
    largestComponentShare: orgIds.size === 0 ? 0 : largest / orgIds.size,
    tiesPerMember: members.length === 0 ? 0 : (2 * personPairs.size) / members.length,
    unconnectedOrganisationIds: orgIds.size < 2 ? [] : organisations.filter((o) => !tied.has(o.id)).map((o) => o.id),
  };
}
