import type { Batch } from '../../../core/batch';
import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import { sampleWithKvCache } from '../../../policy/transformer/kv-sampler';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { EOS, PAD, decode } from '../../../tasks/language/vocab';
import type { DrawnGroup, DrawnRow } from '../group-prompts';
import { answerTokens, judgePrompt, judgmentReward } from './judge-prompts';

/** A scored task rollout as the judge sees it. */
export interface ScoredRollout {
  exampleId: string;
  /** The task prompt, <bos> … <sep>. */
  prompt: number[];
  answer: number[];
  /** The task's exact verifier on this rollout. */
  correct: boolean;
}

/** Every sequence of a task batch with its answer and the verifier's verdict. */
export function scoredRollouts(task: LanguageTaskSpec, batch: Batch): ScoredRollout[] {
  const lm = batch.lm;
  if (!lm?.references) throw new Error('spark: the task batch lacks its reference answers');
  const S = lm.steps;
  return batch.seqs.map((s, i) => {
    const example: LanguageExample = {
      id: lm.exampleIds[i],
      prompt: lm.prompts[i],
      promptText: decode(lm.prompts[i]),
      answerText: decode(lm.references![i]),
    };
    const completion = Array.from(lm.completions.subarray(i * S, i * S + s.length));
    return { exampleId: example.id, prompt: example.prompt, answer: answerTokens(completion, s.length), correct: task.isCorrect(example, completion) };
  });
}

/**
 * G one-token judgments of each rollout's judge prompt, in one KV-cached pass: a group per
 * rollout, carrying its own prompt, each judgment rewarded 1 when it agrees with the verifier.
 */
export async function drawJudgments(
  policy: LanguagePolicy,
  rollouts: ScoredRollout[],
  groupSize: number,
  sampling: SamplingParams,
  rng: Rng,
): Promise<{ groups: DrawnGroup[]; sampledTokens: number }> {
  if (rollouts.length === 0) return { groups: [], sampledTokens: 0 };
  const prompts = rollouts.map((r) => judgePrompt(r.prompt, r.answer));
  const rows = prompts.flatMap((p) => Array.from({ length: groupSize }, () => p));
  const out = await sampleWithKvCache(policy.model, rows, 1, sampling, rng, { eos: EOS, pad: PAD });
  const groups = rollouts.map((r, q): DrawnGroup => {
    const drawn: DrawnRow[] = Array.from({ length: groupSize }, (_, g) => {
      const i = q * groupSize + g;
      return { tokens: out.tokens.subarray(i, i + 1), logp: out.logp.subarray(i, i + 1), entropy: out.entropy.subarray(i, i + 1), length: 1 };
    });
    const example: LanguageExample = {
      id: `spark-judge:${r.exampleId}>${decode(r.answer)}`,
      prompt: prompts[q],
      promptText: decode(prompts[q]),
      answerText: r.correct ? 'y' : 'n',
    };
    return { example, rewards: drawn.map((d) => judgmentReward(d.tokens[0], r.correct)), rows: drawn, prompt: prompts[q] };
  });
  return { groups, sampledTokens: rows.length };
}
