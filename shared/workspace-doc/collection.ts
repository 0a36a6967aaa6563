/**
 * One way to declare a collection of the workspace document (issue 14,
 * item 3): its root map, how one entry is read and validated, the order the
 * screens show, and who owns an entry.
 *
 * Before, each of the nine collections wrote its own readEntry, its own
 * readX loop and its own record reader, and who may change an entry lived
 * apart in shared/rules/write-rules.ts as a switch on the root name with the
 * creator's field guessed ("by" for comments, "createdBy" for the rest, so
 * an introduction's author, kept in "by", counted as nobody's). Now the
 * declaration carries the owner rule, the write rules read it from the
 * declaration (WORKSPACE_COLLECTIONS), and the read model (shared/read-model)
 * uses the declaration as its reader: one place says what an entry is and
 * whose it is, for the screens, for the receive path and for the history.
 *
 * Writes stay in each collection's module: their inputs and transactions
 * differ too much (nested maps, signed stances, a text fragment) for one
 * generic writer to say more than each module's few lines do.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import type { CollectionReader } from '../read-model/record-store';
import { readWith, type ReadResult } from './read-result';

/**
 * Whose an entry is; shared/rules/write-rules.ts refuses on receive any
 * change that breaks it, and the screens ask the same before offering an
 * edit. In every case: the signer adds a new entry under their own name (its
 * author fields must name them), and an existing entry is deleted only by
 * its creator or an administrator, unless `by` says stricter.
 */
export interface OwnerRule {
  /**
   * - `self`: the key is a member id; only that member writes or deletes the entry (a profile).
   * - `organisation`: the key is an organisation id; only that organisation's members write or delete it.
   * - `organisationOrCreator`: anyone adds one; its members and its creator change it; an administrator deletes it.
   * - `creator`: only the creator changes `creatorFields` (all fields when omitted).
   * - `everyone`: shared work; any member changes it.
   */
  readonly by: 'self' | 'organisation' | 'organisationOrCreator' | 'creator' | 'everyone';
  /** The field that names who created an entry. */
  readonly creatorField?: 'createdBy' | 'by';
  /** With `creator`: the fields only the creator changes; the others are anyone's (an idea's status is moved by its working group). */
  readonly creatorFields?: readonly string[];
  /** Nested maps keyed by member id that only that member writes (an idea's votes). */
  readonly perMemberParts?: readonly string[];
  /** Nested lists that are only ever appended to (a goal's signed stances and saved versions). */
  readonly appendOnlyParts?: readonly string[];
}

export interface CollectionDefinition<T> {
  /** The root map of the document that holds the entries, by id. */
  readonly root: string;
  readonly owner: OwnerRule;
  /** One entry, validated; a damaged entry is a result too, never thrown. */
  readonly read: (id: string, entry: unknown) => ReadResult<T>;
  /** The order the screens show; damaged entries last. */
  readonly order: (a: ReadResult<T>, b: ReadResult<T>) => number;
}

export interface Collection<T> extends CollectionReader<T> {
  readonly owner: OwnerRule;
  readonly order: (a: ReadResult<T>, b: ReadResult<T>) => number;
  /** Every entry, valid and damaged, in the collection's order. */
  readAll(doc: Y.Doc): ReadResult<T>[];
  /** One entry, or undefined when there is none under `id`. */
  readOne(doc: Y.Doc, id: string): ReadResult<T> | undefined;
}

export function defineCollection<T>(definition: CollectionDefinition<T>): Collection<T> {
  const { root, owner, read, order } = definition;
  return {
    root,
    owner,
    read,
    order,
    readAll(doc) {
      const results: ReadResult<T>[] = [];
      doc.getMap<unknown>(root).forEach((entry, id) => results.push(read(id, entry)));
      return results.sort(order);
    },
    readOne(doc, id) {
      const entry = doc.getMap<unknown>(root).get(id);
      return entry === undefined ? undefined : read(id, entry);
    },
  };
}

/** The common entry: a map of plain fields, validated with `schema` with its key under `idField`. */
export function plainMapEntry<T>(schema: z.ZodType<T>, idField = 'id'): (id: string, entry: unknown) => ReadResult<T> {
  return (id, entry) => {
    if (!(entry instanceof Y.Map)) return { ok: false, id, problem: 'entry is not a map' };
    return readWith(schema, id, { ...(entry.toJSON() as Record<string, unknown>), [idField]: id });
  };
}

/** By key, for collections the screens look up rather than list. */
export function byKey(a: ReadResult<unknown>, b: ReadResult<unknown>): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
