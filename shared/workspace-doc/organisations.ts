import * as Y from 'yjs';
import { OrganisationSchema, type Organisation, type OrganisationFields } from '../domain/organisation';
import type { ReadResult } from './read-result';
import { organisationsMap, ROOT } from './schema';
import { defineCollection, plainMapEntry } from './collection';
import { StroomkringError } from '../errors/stroomkring-error';

const FIELDS = ['name', 'type', 'description', 'website'] as const satisfies readonly (keyof OrganisationFields)[];

export class UnknownOrganisationError extends StroomkringError {
  override readonly name = 'UnknownOrganisationError';
  constructor(readonly organisationId: string) {
    super(`No organisation with id ${organisationId} in this workspace`);
  }
}

/** The organisations: anyone adds one, its members and its creator change it, an administrator removes it. */
export const organisationRecords = defineCollection<Organisation>({
  root: ROOT.organisations,
  owner: { by: 'organisationOrCreator', creatorField: 'createdBy' },
  read: plainMapEntry(OrganisationSchema),
  order: byOrganisationName,
});

/** Valid organisations by name, damaged ones last: the order every list shows. */
export function byOrganisationName(a: ReadResult<Organisation>, b: ReadResult<Organisation>): number {
  return sortKey(a).localeCompare(sortKey(b), 'nl');
}

/** Every organisation in the workspace, valid ones and damaged ones, in insertion-independent order (by name). */
export function readOrganisations(doc: Y.Doc): ReadResult<Organisation>[] {
  return organisationRecords.readAll(doc);
}

function sortKey(result: ReadResult<Organisation>): string {
  return result.ok ? result.value.name : `\uffff${result.id}`;
}

export function readOrganisation(doc: Y.Doc, id: string): ReadResult<Organisation> | undefined {
  return organisationRecords.readOne(doc, id);
}

/** Adds an organisation from already-validated fields; returns its new id. */
export function addOrganisation(doc: Y.Doc, fields: OrganisationFields, by: { memberId: string; now: number; id?: string }): string {
  const id = by.id ?? crypto.randomUUID();
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    for (const field of FIELDS) entry.set(field, fields[field]);
    entry.set('createdAt', by.now);
    entry.set('updatedAt', by.now);
    entry.set('createdBy', by.memberId);
    organisationsMap(doc).set(id, entry);
  });
  return id;
}

/**
 * Writes only the fields that changed, so a concurrent edit of another field
 * by a partner survives the merge.
 */
export function updateOrganisation(doc: Y.Doc, id: string, fields: OrganisationFields, now: number): void {
  const entry = organisationsMap(doc).get(id);
  if (!(entry instanceof Y.Map)) throw new UnknownOrganisationError(id);
  doc.transact(() => {
    let changed = false;
    for (const field of FIELDS) {
      if (entry.get(field) !== fields[field]) {
        entry.set(field, fields[field]);
        changed = true;
      }
    }
    if (changed) entry.set('updatedAt', now);
  });
}

export function removeOrganisation(doc: Y.Doc, id: string): void {
  organisationsMap(doc).delete(id);
}
