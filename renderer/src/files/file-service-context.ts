import { createContext, useContext } from 'react';
import type { FileService } from './file-service';

/** The running file service of the nearest library (workspace or room); undefined outside one or while starting. */
export const FileServiceContext = createContext<FileService | undefined>(undefined);

export function useFileService(): FileService | undefined {
  return useContext(FileServiceContext);
}
