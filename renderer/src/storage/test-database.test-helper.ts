import { afterEach } from 'vitest';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { openDatabase, type StroomkringDatabase } from './database';

/**
 * For store tests on fake-indexeddb: call once at the top of a test file; the
 * returned function opens a new database (a fresh name unless one is given,
 * to reopen it) and every database opened is closed after each test.
 */
export function freshDatabasesFor(prefix: string): (name?: string) => StroomkringDatabase {
  let counter = 0;
  const opened: StroomkringDatabase[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return (name = `${prefix}-${++counter}`) => {
    const db = openDatabase(name);
    opened.push(db);
    return db;
  };
}

/** Reads a stored Y.Doc after y-dexie has loaded it, and releases it again. */
export async function readLoadedDoc<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): Promise<T> {
  const provider = DexieYProvider.load(doc);
  await provider.whenLoaded;
  try {
    return read(doc);
  } finally {
    DexieYProvider.release(doc);
  }
}
