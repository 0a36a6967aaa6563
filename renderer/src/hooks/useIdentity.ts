import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../contexts/database-context';
import { loadIdentity, type Identity } from '../storage/identity-store';
import { DamagedRecordError } from '../storage/storage-errors';

export type IdentityState = { status: 'loading' } | { status: 'none' } | { status: 'damaged'; problem: string } | { status: 'ready'; identity: Identity };

/** The member on this device, live: changes as soon as the profile is saved. */
export function useIdentity(): IdentityState {
  const db = useDatabase();
  return (
    useLiveQuery(async (): Promise<IdentityState> => {
      try {
        const identity = await loadIdentity(db);
        return identity ? { status: 'ready', identity } : { status: 'none' };
      } catch (error) {
        if (error instanceof DamagedRecordError) return { status: 'damaged', problem: error.problem };
        throw error;
      }
    }, [db]) ?? { status: 'loading' }
  );
}
