/**
 * Who may change what in a workspace (or confidential room) document: one
 * rule per part of the document, decided on the changes an update makes
 * (update-effects.ts) and the member who signed it. The receive path
 * (shared/sync/signed-changes) refuses an update that breaks one; the
 * screens ask the same functions before offering an edit.
 *
 * A record collection's rule is the owner rule in its declaration
 * (shared/workspace-doc/collection.ts, looked up in collections.ts); the
 * signed records, the meta data and a room's own parts are ruled here. The
 * table says what the declarations say, for reading in one place:
 *
 *   organisations/<id>       its members (by the organisation name their signed admission carries)
 *                            and whoever created it; anyone may add one; administrators may delete one
 *   interests/<orgId>        that organisation's members
 *   mandates/<recordId>      added only: a signed mandate record (shared/mandates) whose
 *                            signer signed this change and belongs to its organisation by
 *                            admission (mandate-rules.ts, which the screens ask too)
 *   mandates/[orgId,member]  an entry from before signed mandates: deleted by that organisation's
 *                            members, never written any more
 *   members/<memberId>       that member only (a profile is one's own)
 *   goals/<id>/stances|versions   appended only: a signed stance or a saved version is never altered
 *   ideas/<id>/votes/<m>     member m only (one's own vote)
 *   ideas/<id> text fields   its author
 *   comments/<id>            its author (`by`)
 *   introductions/<id>       its author (`by`)
 *   membership/<recordId>    added only (each record carries its own signature)
 *   roomKeys/<recordId>      (a room's) added only, like membership
 *   meta                     written once; changed only by an administrator
 *   any record               deleted only by its creator or an administrator
 *   createdBy, by, updatedBy, addedBy   must name the member who signed, except in a
 *                            restore (a record put back under a key whose entry was
 *                            deleted, shared/history) by an administrator or by the
 *                            member the restored record names as its creator: the
 *                            fields then say who wrote it then, not who restores it
 *   a root the app does not know   nobody
 *
 * Who belongs to an organisation comes from the signed admission (the
 * organisation name the member joined under), never from the profile a
 * member fills in: a member cannot make themself part of another
 * organisation. So the name binds: its members and its creator may rename
 * it, and whoever joined under the old name then no longer belongs to it by
 * name (a stable organisation id in the admission is for later).
 *
 * An administrator is not above the organisation rules: they may delete a
 * record (cleaning up), but not write another organisation's interests.
 */
import * as Y from 'yjs';
import { mandateRecordId, peekMandatePayload } from '../mandates/mandate-record';
import { mandateRecordRefusal } from '../mandates/mandate-rules';
import type { OrganisationRef } from '../mandates/mandate-state';
import type { OwnerRule } from '../workspace-doc/collection';
import { ownerRuleOf } from '../workspace-doc/collections';
import { ROOT } from '../workspace-doc/schema';
import { POSITION, type UpdateEffect } from './update-effects';

export interface WriteAuthor {
  readonly memberId: string;
  /** The key that signed the change (raw Ed25519, base64url). */
  readonly publicKey: string;
  /** The organisation name in the member's signed admission. */
  readonly organisationName: string;
  readonly isAdmin: boolean;
}

export type DocumentKind = 'workspace' | 'room';

export type BrokenRule = 'otherOrganisation' | 'otherMember' | 'signedRecord' | 'notCreator' | 'authorField' | 'adminOnly' | 'otherVote' | 'unknownPart' | 'otherSigner';

export interface RefusedEffect {
  readonly path: readonly string[];
  readonly op: UpdateEffect['op'];
  readonly rule: BrokenRule;
}

const WORKSPACE_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOT));
const ROOM_ROOTS: ReadonlySet<string> = new Set(['roomMeta', 'invitations', 'joined', 'notes', 'roomKeys', ROOT.documents, ROOT.comments]);
const AUTHOR_FIELDS: ReadonlySet<string> = new Set(['createdBy', 'by', 'updatedBy', 'addedBy']);

const normalName = (name: string): string => name.trim().toLocaleLowerCase('nl');

const rootsOf = (kind: DocumentKind): ReadonlySet<string> => (kind === 'workspace' ? WORKSPACE_ROOTS : ROOM_ROOTS);

function recordOf(doc: Y.Doc, root: string, key: string): Y.Map<unknown> | undefined {
  const entry = doc.getMap<unknown>(root).get(key);
  return entry instanceof Y.Map ? entry : undefined;
}

/** The field that names who created an entry under `root`. */
const creatorFieldOf = (root: string): string => ownerRuleOf(root).creatorField ?? 'createdBy';

function creatorOf(doc: Y.Doc, root: string, key: string): unknown {
  return recordOf(doc, root, key)?.get(creatorFieldOf(root));
}

/** The organisations `author` belongs to: the one named in their admission, and those they created. */
export function organisationsOf(doc: Y.Doc, author: Pick<WriteAuthor, 'memberId' | 'organisationName'>): Set<string> {
  const owned = new Set<string>();
  const wanted = normalName(author.organisationName);
  const byName: string[] = [];
  doc.getMap<unknown>(ROOT.organisations).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const name = entry.get('name');
    if (typeof name === 'string' && normalName(name) === wanted) byName.push(id);
    if (entry.get('createdBy') === author.memberId) owned.add(id);
  });
  // Two organisations of one name: neither is anyone's by name (as organisationIdOf in members.ts).
  if (byName.length === 1 && byName[0] !== undefined) owned.add(byName[0]);
  return owned;
}

/** Whether `author` may write `organisationId`'s interests, profile and mandates. */
export function mayWriteForOrganisation(doc: Y.Doc, author: Pick<WriteAuthor, 'memberId' | 'organisationName'>, organisationId: string): boolean {
  return organisationsOf(doc, author).has(organisationId);
}

/** The organisations as their names stand in the document: what admission names are matched against. */
function documentOrganisations(doc: Y.Doc): OrganisationRef[] {
  const organisations: OrganisationRef[] = [];
  doc.getMap<unknown>(ROOT.organisations).forEach((entry, id) => {
    const name = entry instanceof Y.Map ? entry.get('name') : undefined;
    if (typeof name === 'string') organisations.push({ id, name });
  });
  return organisations;
}

/** A mandate record added (never changed or deleted), under its own id, signed by the change's signer for their own organisation. */
function mandateRule(effect: UpdateEffect, ctx: Context, key: string): BrokenRule | undefined {
  const map = ctx.doc.getMap(ROOT.mandates);
  if (key.startsWith('[')) {
    // An entry from before signed mandates: its organisation's members may clear it, nobody writes one any more.
    if (effect.path.length === 2 && effect.op === 'delete') {
      const organisationId = organisationOfMandateKey(key);
      return organisationId !== undefined && ctx.organisations.has(organisationId) ? undefined : 'otherOrganisation';
    }
    return 'signedRecord';
  }
  if (effect.path.length !== 2 || effect.op !== 'insert' || (map.has(key) && map.get(key) !== effect.value)) return 'signedRecord';
  const payload = peekMandatePayload(effect.value);
  if (payload === undefined || mandateRecordId(effect.value as string) !== key) return 'signedRecord';
  return mandateRecordRefusal(documentOrganisations(ctx.doc), ctx.author, payload);
}

function organisationOfMandateKey(key: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : undefined;
  } catch {
    return undefined;
  }
}

interface Context {
  readonly doc: Y.Doc;
  readonly author: WriteAuthor;
  readonly kind: DocumentKind;
  readonly organisations: ReadonlySet<string>;
  /** "root/key" of records this update creates (they were not in the document). */
  readonly created: ReadonlySet<string>;
  /** Of created records that restore a deleted entry: whether this author may restore them with their author fields as they were. */
  readonly restoredBy: ReadonlyMap<string, boolean>;
}

/** A map's last entry under `key`, deleted or not: Y.Map keeps it (in `_map`), also after garbage collection. */
export function lastMapEntry(map: Y.Map<unknown>, key: string): Y.Item | undefined {
  return (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
}

/** Whether the map holds a deleted entry under `key`. */
export function heldDeletedEntry(map: Y.Map<unknown>, key: string): boolean {
  return lastMapEntry(map, key)?.deleted === true;
}

function authorFieldBroken(effect: UpdateEffect, ctx: Context): boolean {
  const { author } = ctx;
  if (effect.op !== 'insert') return false;
  if (ctx.restoredBy.get(effect.path.slice(0, 2).join('/')) === true) return false;
  const field = effect.path[effect.path.length - 1];
  if (field !== undefined && AUTHOR_FIELDS.has(field) && effect.path.length === 3) return effect.value !== author.memberId;
  return false;
}

/** The rule `effect` breaks, if any. */
function brokenRule(effect: UpdateEffect, ctx: Context): BrokenRule | undefined {
  const [root, key, field, sub] = effect.path;
  const { doc, author } = ctx;
  if (root === undefined || !rootsOf(ctx.kind).has(root)) return 'unknownPart';
  if (key === undefined || key === POSITION) return 'unknownPart';
  if (authorFieldBroken(effect, ctx)) return 'authorField';
  const isNew = ctx.created.has(`${root}/${key}`);
  const recordDelete = effect.path.length === 2 && effect.op === 'delete';
  switch (root) {
    case ROOT.membership:
    case 'roomKeys':
      // The same record added by two peers at once (the admitting member and the newcomer) is no change.
      return effect.path.length === 2 && effect.op === 'insert' && (!doc.getMap(root).has(key) || doc.getMap(root).get(key) === effect.value) ? undefined : 'signedRecord';
    case ROOT.meta:
    case 'roomMeta':
      if (effect.op === 'insert' && (root === ROOT.meta ? !doc.getMap(root).has(key) || doc.getMap(root).get(key) === effect.value : doc.getMap(root).size === 0)) return undefined;
      if (root === 'roomMeta' && doc.getMap(root).get('createdBy') === author.memberId) return undefined;
      return author.isAdmin ? undefined : 'adminOnly';
    case 'joined':
      return key === author.memberId ? undefined : 'otherMember';
    case ROOT.mandates:
      return mandateRule(effect, ctx, key);
    default:
      return ownerRuleBroken(ownerRuleOf(root), effect, ctx, { root, key, field, sub, isNew, recordDelete });
  }
}

interface EffectPlace {
  readonly root: string;
  readonly key: string;
  readonly field: string | undefined;
  readonly sub: string | undefined;
  readonly isNew: boolean;
  readonly recordDelete: boolean;
}

/** The rule of the entry's collection (its declaration in shared/workspace-doc) that `effect` breaks, if any. */
function ownerRuleBroken(owner: OwnerRule, effect: UpdateEffect, ctx: Context, place: EffectPlace): BrokenRule | undefined {
  const { author } = ctx;
  const { root, key, field, sub, isNew, recordDelete } = place;
  switch (owner.by) {
    case 'self':
      return key === author.memberId ? undefined : 'otherMember';
    case 'organisation':
      return ctx.organisations.has(key) ? undefined : 'otherOrganisation';
    case 'organisationOrCreator':
      return isNew || ctx.organisations.has(key) || (recordDelete && author.isAdmin) ? undefined : 'otherOrganisation';
    default:
      break;
  }
  if (isNew) return undefined;
  const byCreator = () => creatorOf(ctx.doc, root, key) === author.memberId;
  if (recordDelete) return byCreator() || author.isAdmin ? undefined : 'notCreator';
  if (field !== undefined && owner.appendOnlyParts?.includes(field) && effect.op === 'delete') return 'signedRecord';
  if (field !== undefined && sub !== undefined && owner.perMemberParts?.includes(field)) return sub === author.memberId ? undefined : 'otherVote';
  // A whole entry put in place of an existing one changes every field, the creator's among them.
  const creatorsField = field === undefined || owner.creatorFields === undefined || owner.creatorFields.includes(field);
  if (owner.by === 'creator' && creatorsField) return byCreator() ? undefined : 'notCreator';
  return undefined;
}

/** The changes of one update that `author` may not make; empty when the update keeps every rule. */
export function refusedEffects(doc: Y.Doc, effects: readonly UpdateEffect[], author: WriteAuthor, kind: DocumentKind): RefusedEffect[] {
  const created = new Set<string>();
  const deleted = new Set<string>();
  for (const effect of effects) {
    if (effect.path.length === 2 && effect.op === 'delete') deleted.add(effect.path.join('/'));
    const [root, key] = effect.path;
    // Only the app's own roots are looked up: getMap would make any other one exist here.
    if (effect.path.length === 2 && effect.op === 'insert' && root !== undefined && key !== undefined && rootsOf(kind).has(root) && !doc.getMap(root).has(key)) created.add(`${root}/${key}`);
  }
  const restoredBy = new Map<string, boolean>();
  for (const id of created) {
    const slash = id.indexOf('/');
    const root = id.slice(0, slash);
    const key = id.slice(slash + 1);
    if (!heldDeletedEntry(doc.getMap<unknown>(root), key)) continue;
    const creatorField = creatorFieldOf(root);
    const creator = effects.find((e) => e.op === 'insert' && e.path.length === 3 && e.path[0] === root && e.path[1] === key && e.path[2] === creatorField)?.value;
    restoredBy.set(id, author.isAdmin || creator === author.memberId);
  }
  const ctx: Context = { doc, author, kind, organisations: organisationsOf(doc, author), created, restoredBy };
  const refused: RefusedEffect[] = [];
  for (const effect of effects) {
    // A deleted record takes its fields with it: the record's deletion is what is judged.
    if (effect.op === 'delete' && effect.path.length > 2 && deleted.has(effect.path.slice(0, 2).join('/'))) continue;
    const rule = brokenRule(effect, ctx);
    if (rule) refused.push({ path: effect.path, op: effect.op, rule });
  }
  return refused;
}
