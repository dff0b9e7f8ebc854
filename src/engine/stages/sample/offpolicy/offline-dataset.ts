import type { Rng } from '../../../core/rng';
import type { LanguageExample } from '../../../tasks/language/language-task';
import type { DrawnGroup, DrawnRow } from '../group-prompts';

/** One response of the offline dataset, with the reference policy's log-probs as drawn. */
export interface OfflineExample {
  example: LanguageExample;
  row: DrawnRow;
  reward: number;
  /** V(x): mean reward of π_ref's samples of this prompt. */
  value: number;
  /** A = R − V(x). */
  advantage: number;
}

export interface OfflineDataset {
  /** Responses with A > 0, the only ones A-LoL trains on (the "leftover lunch"). */
  leftover: OfflineExample[];
  /** Every response drawn, leftover or not. */
  size: number;
}

/** A = R − V and A⁺ = max(A, 0) for the responses of one prompt (algorithms-llm.md §25). */
export function positiveAdvantages(rewards: number[], value: number): number[] {
  return rewards.map((r) => Math.max(r - value, 0));
}

/**
 * The dataset from π_ref's own samples: V(x) is the mean reward of all samples of prompt x (the
 * toy substitute for A-LoL's value head that the reference allows); only A > 0 is kept.
 */
export function buildOfflineDataset(groups: DrawnGroup[]): OfflineDataset {
  const byPrompt = new Map<string, { example: LanguageExample; row: DrawnRow; reward: number }[]>();
  for (const g of groups) {
    const list = byPrompt.get(g.example.id) ?? [];
    g.rows.forEach((row, i) => list.push({ example: g.example, row, reward: g.rewards[i] }));
    byPrompt.set(g.example.id, list);
  }
  const leftover: OfflineExample[] = [];
  let size = 0;
  for (const list of byPrompt.values()) {
    const value = list.reduce((a, e) => a + e.reward, 0) / list.length;
    const plus = positiveAdvantages(list.map((e) => e.reward), value);
    list.forEach((e, i) => {
      if (plus[i] > 0) leftover.push({ ...e, value, advantage: plus[i] });
    });
    size += list.length;
  }
  return { leftover, size };
}

/**
 * `count` draws with replacement from the leftover: ∝ A⁺ (LoL-RL "good_priority") or uniformly
 * over A > 0 ("good_random"). Returns indices into `leftover`.
 */
export function drawOffline(leftover: OfflineExample[], count: number, priority: 'advantage' | 'uniform', rng: Rng): number[] {
  if (leftover.length === 0) return [];
  const weights = leftover.map((e) => (priority === 'advantage' ? e.advantage : 1));
  return Array.from({ length: count }, () => rng.categorical(weights));
}
