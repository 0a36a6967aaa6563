/**
 * The network picture as plain data: organisations and people as nodes,
 * their ties as edges. One pure function builds it from what the readers
 * validated, so the canvas and the accessible list of ties always show the
 * same thing, and a peer's damaged entries never get this far.
 */
import type { Organisation } from '../domain/organisation';
import type { Introduction } from '../workspace-doc/introductions';
import { organisationIdOf, type Member } from '../workspace-doc/members';

export type NodeKind = 'organisation' | 'person';

export interface NetworkNode {
  /** Unique across kinds: `org:<id>` or `person:<id>`. */
  readonly id: string;
  readonly kind: NodeKind;
  /** The organisation or member id, for links to the profile. */
  readonly entityId: string;
  readonly label: string;
  /** Stakeholder type: the organisation's own, or a person's organisation's; undefined for a person not linked to one. */
  readonly typeId: string | undefined;
}

/**
 * - member-of: a person belongs to an organisation
 * - introduced: someone introduced two people, or a person to an organisation
 * - invited: an invite, which is an introduction to the workspace
 * - shared-group: both work in one working group (fed in later by that feature)
 */
export type TieKind = 'member-of' | 'introduced' | 'invited' | 'shared-group';

export interface NetworkEdge {
  readonly id: string;
  readonly kind: TieKind;
  readonly source: string;
  readonly target: string;
  /** Who made the introduction (member id), for 'introduced' ties. */
  readonly by?: string;
  readonly note?: string;
  /** The working group's name, for 'shared-group' ties. */
  readonly group?: string;
}

/** A tie that does not come from this module's own sources, e.g. a working group both people are in. */
export interface ExtraTie {
  readonly id: string;
  readonly kind: 'shared-group';
  readonly memberA: string;
  readonly memberB: string;
  readonly group: string;
}

export interface NetworkInput {
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
  readonly introductions: readonly Introduction[];
  readonly extraTies?: readonly ExtraTie[];
}

export interface NetworkFilter {
  /** Stakeholder types to show; empty shows everyone. People without an organisation show only when no type is chosen. */
  readonly types: ReadonlySet<string>;
}

export interface NetworkModel {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export const orgNodeId = (organisationId: string) => `org:${organisationId}`;
export const personNodeId = (memberId: string) => `person:${memberId}`;

export function buildNetwork(input: NetworkInput, filter: NetworkFilter = { types: new Set() }): NetworkModel {
  const allNodes: NetworkNode[] = [];
  const allEdges: NetworkEdge[] = [];
  for (const organisation of input.organisations) {
    allNodes.push({ id: orgNodeId(organisation.id), kind: 'organisation', entityId: organisation.id, label: organisation.name, typeId: organisation.type });
  }
  const typeOf = new Map(input.organisations.map((organisation) => [organisation.id, organisation.type]));
  for (const member of input.members) {
    const organisationId = organisationIdOf(member, input.organisations);
    allNodes.push({ id: personNodeId(member.memberId), kind: 'person', entityId: member.memberId, label: member.displayName, typeId: organisationId ? typeOf.get(organisationId) : undefined });
    if (organisationId) allEdges.push({ id: `member:${member.memberId}`, kind: 'member-of', source: personNodeId(member.memberId), target: orgNodeId(organisationId) });
  }
  for (const intro of input.introductions) {
    if (intro.kind === 'invite') {
      allEdges.push({ id: `intro:${intro.id}`, kind: 'invited', source: personNodeId(intro.by), target: personNodeId(intro.a) });
    } else {
      const target = intro.kind === 'members' ? personNodeId(intro.b) : orgNodeId(intro.b);
      allEdges.push({ id: `intro:${intro.id}`, kind: 'introduced', source: personNodeId(intro.a), target, by: intro.by, note: intro.note });
    }
  }
  for (const tie of input.extraTies ?? []) {
    allEdges.push({ id: `tie:${tie.id}`, kind: tie.kind, source: personNodeId(tie.memberA), target: personNodeId(tie.memberB), group: tie.group });
  }

  const nodes = allNodes.filter((node) => filter.types.size === 0 || (node.typeId !== undefined && filter.types.has(node.typeId)));
  const shown = new Set(nodes.map((node) => node.id));
  // A tie to someone filtered out, or to an id no valid entry has (a removed or damaged one), is not drawn.
  const edges = allEdges.filter((edge) => edge.source !== edge.target && shown.has(edge.source) && shown.has(edge.target));
  return { nodes, edges };
}

/** The stakeholder types present in the network, for the filter's choices. */
export function typesIn(organisations: readonly Organisation[]): string[] {
  return [...new Set(organisations.map((organisation) => organisation.type))];
}
