import { z } from 'zod';
import { defineModule } from '../../../../registry/module';
import { EOS } from '../../../../tasks/language/vocab';
import type { Batch } from '../../../../core/batch';
import type { Shaper } from '../../shaper';
import { TEXT2GRAD_PAPER } from './papers';

/**
 * The span labels of a programmatic critic (algorithms-llm.md §26.2 toy): the completion is read
 * position by position against the canonical answer y of L tokens,
 *   t < L:  δ_t = +1 where o_t = y_t, −1 where it differs (an early <eos> differs too);
 *   t = L:  δ_t = 0 for the <eos> that belongs there (nothing to praise), −1 for any other token;
 *   t > L:  δ_t = −1 (tokens past the answer's end, a late <eos> included).
 * Target "123", output "143<eos>": δ = [+1, −1, +1, 0].
 */
export function spanRewards(completion: ArrayLike<number>, length: number, reference: readonly number[]): Float32Array {
  const L = reference.length;
  const delta = new Float32Array(length);
  for (let t = 0; t < length; t++) {
    if (t < L) delta[t] = completion[t] === reference[t] ? 1 : -1;
    else if (t === L) delta[t] = completion[t] === EOS ? 0 : -1;
    else delta[t] = -1;
  }
  return delta;
}

/**
 * Per-step rewards must still be the sampler's (outcome on the last step, 0 elsewhere) when this
 * shaper runs: it replaces them, so a shaper that wrote per-step terms (KL) must come after it.
 */
function checkOutcomeOnly(batch: Batch): void {
  for (const s of batch.seqs) {
    const last = s.start + s.length - 1;
    for (let t = s.start; t < last; t++) {
      if (batch.rewards[t] !== 0) throw new Error('text2grad replaces per-step rewards: list it first in the shape stage (before kl-reward)');
    }
    if (Math.abs(batch.rewards[last] - s.reward) > 1e-5) throw new Error('text2grad: the last step no longer holds the sequence reward; list it first in the shape stage');
  }
}

export const text2gradShaper = defineModule({
  id: 'text2grad',
  stage: 'shape',
  label: 'Text2Grad token rewards (programmatic critic)',
  explain:
    'Approximation of Text2Grad: a programmatic critic (the canonical answer, token by token) instead of a learned span model labels each token +1 / −1 / 0 as per-step rewards; the outcome stays the sequence reward, so pair it with a token-level advantage (reward-to-go).',
  formula:
    'r_t = \\delta_t + w\\,[t = |o|]\\,R,\\quad \\delta_t = \\begin{cases} +1 & o_t = y_t \\\\ -1 & o_t \\ne y_t \\text{ or } t > |y| \\\\ 0 & t = |y|,\\ o_t = \\langle eos \\rangle \\end{cases}',
  paper: TEXT2GRAD_PAPER,
  schema: z.object({
    outcomeWeight: z
      .number()
      .min(0)
      .max(10)
      .default(0)
      .describe('w: the outcome reward R kept on the last step besides δ (Text2Grad: 0, token rewards only)'),
  }),
  create: (p): Shaper & { metrics(): Record<string, number> } => {
    let negativeFrac = 0;
    return {
      metrics: () => ({ 'text2grad/neg_token_frac': negativeFrac }),
      apply(batch) {
        const refs = batch.lm?.references;
        if (!refs) throw new Error('text2grad needs a language task (it compares completions with the reference answers)');
        checkOutcomeOnly(batch);
        let negative = 0;
        batch.seqs.forEach((s, i) => {
          const delta = spanRewards(batch.actions.subarray(s.start, s.start + s.length), s.length, refs[i]);
          for (const d of delta) if (d < 0) negative += 1;
          delta[s.length - 1] += p.outcomeWeight * s.reward;
          batch.rewards.set(delta, s.start);
        });
        negativeFrac = batch.n ? negative / batch.n : 0;
      },
    };
  },
});
