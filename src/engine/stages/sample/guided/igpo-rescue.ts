import type { Rng } from '../../../core/rng';
import { isSuccess } from '../../advantage/variants/outcome';
import type { DrawnGroup, DrawnRow } from '../group-prompts';

/** A group with no correct response (all R = 0 on 0/1 rewards): GRPO gives it zero advantage. */
export function isAllWrong(group: DrawnGroup, threshold: number): boolean {
  return group.rewards.every((r) => !isSuccess(r, threshold));
}

/** Forced (hint) tokens of a row. */
export function hintTokens(row: DrawnRow): number {
  let n = 0;
  if (row.forced) for (let t = 0; t < row.length; t++) n += row.forced[t];
  return n;
}

export interface Rescue {
  group: DrawnGroup;
  /** η of each hinted response swapped in. */
  etas: number[];
  hintTokens: number;
}

/**
 * IGPO's replacement step (trainer_igpo.py): the correct hinted responses, at most n_max of them
 * (a random subset when there are more), replace the group's originals, lowest reward first (on
 * an all-wrong group, the first ones). Null when no hinted response is correct.
 */
export function rescueGroup(original: DrawnGroup, hinted: DrawnGroup, etas: number[], maxReplacements: number, threshold: number, rng: Rng): Rescue | null {
  const correct = hinted.rewards.flatMap((r, j) => (isSuccess(r, threshold) ? [j] : []));
  if (correct.length === 0 || maxReplacements === 0) return null;
  const chosen =
    correct.length > maxReplacements
      ? Array.from(rng.permutation(correct.length).subarray(0, maxReplacements), (k) => correct[k]).sort((a, b) => a - b)
      : correct;
  const targets = original.rewards
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, chosen.length)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  const rows = original.rows.slice();
  const rewards = original.rewards.slice();
  targets.forEach((i, k) => {
    rows[i] = hinted.rows[chosen[k]];
    rewards[i] = hinted.rewards[chosen[k]];
  });
  return {
    group: { ...original, rows, rewards },
    etas: chosen.map((j) => etas[j]),
    hintTokens: chosen.reduce((a, j) => a + hintTokens(hinted.rows[j]), 0),
  };
}
