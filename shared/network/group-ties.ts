/**
 * Working together in a working group is a tie too: every two members of one
 * group get a 'shared-group' tie for the network picture (network-model.ts
 * ExtraTie). One tie per pair per group, in a stable order, so every
 * partner's picture has the same edges.
 */
import type { WorkingGroup } from '../workspace-doc/working-groups';
import type { ExtraTie } from './network-model';

export function groupTies(groups: readonly Pick<WorkingGroup, 'id' | 'name' | 'memberIds'>[]): ExtraTie[] {
  const ties: ExtraTie[] = [];
  for (const group of groups) {
    const memberIds = [...new Set(group.memberIds)].sort();
    for (let i = 0; i < memberIds.length; i += 1) {
      for (let j = i + 1; j < memberIds.length; j += 1) {
        const [memberA, memberB] = [memberIds[i] as string, memberIds[j] as string];
        ties.push({ id: `${group.id}:${memberA}:${memberB}`, kind: 'shared-group', memberA, memberB, group: group.name });
      }
    }
  }
  return ties;
}
