import type { Batch } from '../../../core/batch';
import { EOS } from '../../../tasks/language/vocab';
import { assembleLanguageBatch, type DrawnGroup } from '../group-prompts';

/** Test helper: a language batch of `groups` groups of G two-token completions, every step with log π_old = logp. */
export function groupsBatch(groups: number, g: number, logp: number, rewards: (q: number, i: number) => number = () => 0): Batch {
  const S = 2;
  const drawn: DrawnGroup[] = Array.from({ length: groups }, (_, q) => ({
    example: { id: `t:${q}`, prompt: [1, 4 + q, 3], promptText: `${q}`, answerText: 'a' },
    rewards: Array.from({ length: g }, (_, i) => rewards(q, i)),
    rows: Array.from({ length: g }, () => ({
      tokens: Int32Array.from([14, EOS]),
      logp: new Float32Array(S).fill(logp),
      entropy: new Float32Array(S).fill(1),
      length: S,
    })),
  }));
  return assembleLanguageBatch(drawn, S, 50, groups * g * S, 1);
}
