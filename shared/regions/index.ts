/**
 * The 30 RES regions and the stakeholder taxonomy, copied into the repo from
 * the programme's reference list and validated once at import, so a bad edit
 * of the JSON fails loudly in the tests rather than in a user's hands.
 */
import { z } from 'zod';
import raw from './res-regions.json';

const RegionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  provinces: z.array(z.string().min(1)).min(1),
});

const StakeholderTypeSchema = z.object({
  id: z.string().regex(/^[a-z]+$/),
  nl: z.string().min(1),
  en: z.string().min(1),
});

const ReferenceSchema = z.object({
  source: z.string(),
  regions: z.array(RegionSchema).length(30),
  stakeholderTypes: z.array(StakeholderTypeSchema).min(1),
});

export type Region = z.infer<typeof RegionSchema>;
export type StakeholderType = z.infer<typeof StakeholderTypeSchema>;

const reference = ReferenceSchema.parse(raw);

export const regions: readonly Region[] = reference.regions;
export const stakeholderTypes: readonly StakeholderType[] = reference.stakeholderTypes;

export const regionIds = regions.map((region) => region.id) as [string, ...string[]];
export const stakeholderTypeIds = stakeholderTypes.map((type) => type.id) as [string, ...string[]];

export function findRegion(id: string): Region | undefined {
  return regions.find((region) => region.id === id);
}

export function findStakeholderType(id: string): StakeholderType | undefined {
  return stakeholderTypes.find((type) => type.id === id);
}

export function stakeholderTypeLabel(id: string, language: string): string {
  const type = findStakeholderType(id);
  if (!type) return id;
  return language.startsWith('en') ? type.en : type.nl;
}
