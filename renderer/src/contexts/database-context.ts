import { createContext, useContext } from 'react';
import type { StroomkringDatabase } from '../storage/database';

export const DatabaseContext = createContext<StroomkringDatabase | null>(null);

export function useDatabase(): StroomkringDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside StorageGate');
  return db;
}
