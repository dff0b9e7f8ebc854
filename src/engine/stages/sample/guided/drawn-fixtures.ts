import type { DrawnGroup, DrawnRow } from '../group-prompts';
import type { LanguageExample } from '../../../tasks/language/language-task';
import { BOS, SEP, encode } from '../../../tasks/language/vocab';

/** Test fixtures: hand-made drawn rows and groups, so sampler logic runs without a model. */
export function fixtureExample(promptText: string, answerText: string): LanguageExample {
  return { id: `t:${promptText}`, prompt: [BOS, ...encode(promptText), SEP], promptText, answerText };
}

/** A row of `length` tokens (token ids 4.., padded to `steps`) with log π_old −1 per step. */
export function fixtureRow(length: number, steps: number, opts: { forced?: number; entropy?: number[] } = {}): DrawnRow {
  const tokens = new Int32Array(steps);
  for (let t = 0; t < length; t++) tokens[t] = 4 + t;
  const row: DrawnRow = {
    tokens,
    logp: new Float32Array(steps).fill(-1),
    entropy: opts.entropy ? Float32Array.from({ length: steps }, (_, t) => opts.entropy![t] ?? 0) : new Float32Array(steps),
    length,
  };
  if (opts.forced !== undefined) row.forced = Uint8Array.from({ length: steps }, (_, t) => (t < opts.forced! ? 1 : 0));
  return row;
}

export function fixtureGroup(example: LanguageExample, rewards: number[], steps: number, forced?: number): DrawnGroup {
  return { example, rewards, rows: rewards.map(() => fixtureRow(3, steps, forced === undefined ? {} : { forced })) };
}
