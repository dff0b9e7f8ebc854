import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { PAD } from '../../../tasks/language/vocab';
import { drawGroups, type DrawnRow } from '../group-prompts';

/**
 * A demonstration as a trainable row: the drawn row's log-probs and entropies (the model's, at
 * sampling time) cut to the demonstration, every step forced, and a fixed advantage. The KV
 * sampler keeps going after a forced <eos>, so the row is cut here.
 */
export function demonstrationRow(drawn: DrawnRow, demo: number[], steps: number, advantage: number): DrawnRow {
  const length = demo.length;
  const tokens = new Int32Array(steps).fill(PAD);
  tokens.set(demo);
  return {
    tokens,
    logp: drawn.logp.slice(0, length),
    entropy: drawn.entropy.slice(0, length),
    length,
    forced: new Uint8Array(length).fill(1),
    advantage,
  };
}

/**
 * One forced pass over the demonstrations of `examples` (canonical answer + <eos>), so that
 * log π_old of each demonstration token is the current model's; returns the rows and rewards.
 */
export async function drawDemonstrations(
  task: LanguageTaskSpec,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  sampling: SamplingParams,
  rng: Rng,
  advantage: number,
): Promise<{ rows: DrawnRow[]; rewards: number[]; tokens: number }> {
  if (examples.length === 0) return { rows: [], rewards: [], tokens: 0 };
  const S = task.maxCompletionLength;
  const demos = examples.map((ex) => task.demonstration(ex, rng, 0));
  const forced = new Int32Array(examples.length * S).fill(-1);
  demos.forEach((d, r) => forced.set(d, r * S));
  const drawn = await drawGroups(task, policy, examples, examples.map(() => 1), sampling, rng, { forced });
  const rows = drawn.groups.map((g, r) => demonstrationRow(g.rows[0], demos[r], S, advantage));
  return {
    rows,
    rewards: examples.map((ex, r) => task.reward(ex, demos[r])),
    tokens: demos.reduce((a, d) => a + d.length, 0),
  };
}
