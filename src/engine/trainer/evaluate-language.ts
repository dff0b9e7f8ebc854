import type { LanguageExample, LanguageTaskSpec } from '../tasks/language/language-task';
import type { LanguagePolicy } from '../policy/language-policy';
import { sampleWithKvCache } from '../policy/transformer/kv-sampler';
import type { SamplingParams } from '../policy/transformer/sampling-filters';
import { EOS, PAD } from '../tasks/language/vocab';
import { Rng } from '../core/rng';
import { passAtK } from '../metrics/pass-at-k';

export interface EvalResult {
  passAt1: number;
  passAtK: number;
  k: number;
}

/**
 * Held-out pass@1 and pass@k: n samples per prompt of a fixed evaluation set, unbiased estimator.
 * Uses its own generator so evaluating never shifts the training run's draws.
 */
export async function evaluateLanguage(
  task: LanguageTaskSpec,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  n: number,
  k: number,
  sampling: SamplingParams,
  seed: number,
): Promise<EvalResult> {
  const prompts = examples.flatMap((ex) => Array.from({ length: n }, () => ex.prompt));
  const S = task.maxCompletionLength;
  const out = await sampleWithKvCache(policy.model, prompts, S, sampling, new Rng(seed), { eos: EOS, pad: PAD });
  const correct = examples.map((ex, e) => {
    let c = 0;
    for (let i = 0; i < n; i++) {
      const r = e * n + i;
      if (task.isCorrect(ex, Array.from(out.tokens.subarray(r * S, r * S + out.lengths[r])))) c += 1;
    }
    return c;
  });
  return passRates(correct, n, k);
}

/** Mean pass@1 and unbiased pass@k over prompts, from each prompt's number correct of n. */
export function passRates(correct: number[], n: number, k: number): EvalResult {
  let p1 = 0;
  let pk = 0;
  for (const c of correct) {
    p1 += c / n;
    pk += passAtK(n, c, k);
  }
  return { passAt1: p1 / correct.length, passAtK: pk / correct.length, k };
}
