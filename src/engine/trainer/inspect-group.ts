import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../core/batch';
import type { LanguagePolicy } from '../policy/language-policy';
import { completionLogits } from '../policy/transformer/completion-logits';
import { PAD, tokenLabel } from '../tasks/language/vocab';

export interface InspectedToken {
  id: number;
  label: string;
  /** Probability of this token when it was sampled (π_old), and the entropy there. */
  prob: number;
  entropy: number;
  advantage: number;
  /** The most likely tokens at this step under the current policy, with their probabilities. */
  top: { label: string; prob: number }[];
}

export interface InspectedCompletion {
  reward: number;
  advantage: number;
  tokens: InspectedToken[];
}

/** One prompt's group as the rollout inspector shows it. */
export interface RolloutGroupSample {
  step: number;
  prompt: string;
  completions: InspectedCompletion[];
}

/** Reads back one group of the last batch, with the current policy's top alternatives per token. */
export async function inspectGroup(
  policy: LanguagePolicy,
  batch: Batch,
  advantages: Float32Array,
  group: number,
  step: number,
  topN = 5,
): Promise<RolloutGroupSample | null> {
  const lm = batch.lm;
  if (!lm) return null;
  const members = batch.seqs.map((s, i) => [s, i] as const).filter(([s]) => s.group === group);
  if (members.length === 0) return null;
  const S = lm.steps;
  const completions = new Int32Array(members.length * S);
  members.forEach(([, i], r) => completions.set(lm.completions.subarray(i * S, (i + 1) * S), r * S));
  const prompt = lm.prompts[members[0][1]];
  const top = tf.tidy(() => {
    const probs = tf.softmax(completionLogits(policy.model, [prompt], completions, members.length, S, PAD, 'shared-prefix'));
    return tf.topk(probs, topN);
  });
  const [values, indices] = await Promise.all([top.values.data(), top.indices.data()]);
  top.values.dispose();
  top.indices.dispose();
  return {
    step,
    prompt: prompt.map(tokenLabel).join(''),
    completions: members.map(([s], r) => ({
      reward: s.reward,
      advantage: advantages[s.start],
      tokens: Array.from({ length: s.length }, (_, t) => {
        const j = s.start + t;
        const at = (r * S + t) * topN;
        return {
          id: batch.actions[j],
          label: tokenLabel(batch.actions[j]),
          prob: Math.exp(batch.logpOld[j]),
          entropy: batch.entropy[j],
          advantage: advantages[j],
          top: Array.from({ length: topN }, (_, k) => ({ label: tokenLabel(indices[at + k]), prob: values[at + k] })),
        };
      }),
    })),
  };
}
