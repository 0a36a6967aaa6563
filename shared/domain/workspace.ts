import { z } from 'zod';
import { regionIds } from '../regions';
import { LIMITS } from './limits';
import { FIELD_ERRORS, optionalText } from './text-fields';

export const WorkspaceInputSchema = z.object({
  regionId: z.enum(regionIds, FIELD_ERRORS.invalidChoice),
  name: optionalText(LIMITS.workspaceName),
});
export type WorkspaceInput = z.input<typeof WorkspaceInputSchema>;

export const WorkspaceRenameSchema = z.object({ name: optionalText(LIMITS.workspaceName) });

/** A workspace in this device's list (local data, not shared). */
export const WorkspaceRecordSchema = z.object({
  id: z.string().min(1).max(64),
  regionId: z.enum(regionIds),
  name: z.string().max(LIMITS.workspaceName),
  createdAt: z.number().int().nonnegative(),
  lastOpenedAt: z.number().int().nonnegative(),
});
export type WorkspaceRecord = z.infer<typeof WorkspaceRecordSchema>;
