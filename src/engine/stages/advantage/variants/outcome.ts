import { z } from 'zod';
import type { Batch } from '../../../core/batch';
import { groupIndices } from '../group-stats';

/**
 * Helpers shared by the outcome-reward variants: the success predicate that binary-reward
 * methods need on graded returns (algorithms-llm.md A.1), group lists, and prompt identities
 * for the methods that keep per-prompt state across updates (SPO, DCPO).
 */

/** R ≥ threshold counts as a success: 1 on 0/1 rewards; e.g. 475 or 500 on CartPole. */
export const successThresholdParam = z
  .number()
  .min(-1e9)
  .max(1e9)
  .default(1)
  .describe('Success predicate R ≥ threshold: 1 for 0/1 verifier rewards; a return such as 475 for CartPole (A.1)');

export function isSuccess(reward: number, threshold: number): boolean {
  return reward >= threshold;
}

/** Sequence indices of each group, ungrouped sequences (group −1) each alone. */
export function batchGroups(batch: Batch): number[][] {
  return groupIndices(batch.seqs.map((s, i) => (s.group < 0 ? -1 - i : s.group)));
}

/** Cell width that coarsens control start states before they are used as prompt ids. */
export const startStateGridParam = z
  .number()
  .gt(0)
  .max(1e6)
  .nullable()
  .default(null)
  .describe(
    'Control tasks: start states are keyed by their exact observation (empty) or by grid cells of this width, so that nearby starts share one tracker',
  );

/**
 * One id per sequence for "the same prompt": the task example id on language batches
 * (batch.lm.exampleIds); on control batches the observation at the sequence's first step (the
 * start state, A.1), exact or snapped to a grid; the group id when there is no observation.
 */
export function promptKeys(batch: Batch, grid: number | null): string[] {
  if (batch.lm) return batch.lm.exampleIds.slice();
  const d = batch.obsDim;
  return batch.seqs.map((s) => {
    if (d === 0 || s.length === 0) return `group:${s.group}`;
    const obs = batch.obs.subarray(s.start * d, s.start * d + d);
    const parts = Array.from(obs, (x) => (grid === null ? String(x) : String(Math.floor(x / grid))));
    return `obs:${parts.join(',')}`;
  });
}

/** A per-run table that can be written out and read back with the run (state kept across updates). */
export interface PersistentState<T> {
  saveState(): T;
  loadState(state: T): void;
}
