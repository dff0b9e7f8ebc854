import type { Rng } from '../../../core/rng';
import { EOS, SEP, encode } from '../../../tasks/language/vocab';

/** The judge's two verdicts: 'y' (the answer is correct) and 'n' (it is not). */
export const JUDGE_YES = encode('y')[0];
export const JUDGE_NO = encode('n')[0];
/** Appended after the answer: the question the judge answers. */
const ASK = encode('?')[0];

/** What a rollout answered: its tokens before the first <eos>, or all of them when it never ended. */
export function answerTokens(completion: ArrayLike<number>, length: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < length && completion[t] !== EOS; t++) out.push(completion[t]);
  return out;
}

/**
 * SPARK's pointwise judge prompt "<bos> q-text answer ? <sep>", made from the task prompt
 * "<bos> q-text <sep>" and the rollout's answer tokens as written (a stray special token stays,
 * so the judge sees exactly what the verifier saw).
 */
export function judgePrompt(taskPrompt: readonly number[], answer: readonly number[]): number[] {
  if (taskPrompt[taskPrompt.length - 1] !== SEP) throw new Error('spark: a task prompt must end with <sep>');
  return [...taskPrompt.slice(0, -1), ...answer, ASK, SEP];
}

/**
 * Context a task's judge prompts can need: the longest judge prompt is P + S + 1 tokens (a
 * rollout cut off at S tokens has no <eos>), sampled for 1 token, and scored by the trainer in
 * the batch's S-step completion window, so its positions reach P + 2S − 1.
 */
export function judgeContextNeed(maxPromptLength: number, maxCompletionLength: number): number {
  const judge = maxPromptLength + maxCompletionLength + 1;
  return Math.max(judge + 1, judge + maxCompletionLength - 1);
}

/** The verdict that agrees with the verifier. */
export function judgeTarget(correct: boolean): number {
  return correct ? JUDGE_YES : JUDGE_NO;
}

/** A judgment earns 1 when it agrees with the verifier; any other token (not y/n) earns 0. */
export function judgmentReward(token: number, correct: boolean): number {
  return token === judgeTarget(correct) ? 1 : 0;
}

/** round(φ · task groups) judge groups: φ = 0.25 with Q = 8 gives 2. */
export function auxGroupCount(taskGroups: number, auxFraction: number): number {
  return Math.round(auxFraction * taskGroups);
}

/**
 * Which rollouts to judge (indices into `correct`), drawn at random without repeats. Balanced:
 * half correct, half wrong (the odd one by a coin), and when one kind runs short the other fills
 * the rest, so a batch with no correct rollout still gets its full count of judge groups.
 */
export function pickJudgedRollouts(correct: readonly boolean[], count: number, balance: boolean, rng: Rng): number[] {
  const n = Math.min(count, correct.length);
  const order = Array.from(rng.permutation(correct.length));
  if (!balance) return order.slice(0, n);
  const right = order.filter((i) => correct[i]);
  const wrong = order.filter((i) => !correct[i]);
  const half = Math.floor(n / 2) + (n % 2 === 1 && rng.next() < 0.5 ? 1 : 0);
  const nWrong = Math.min(wrong.length, n - Math.min(right.length, half));
  const nRight = Math.min(right.length, n - nWrong);
  return [...right.slice(0, nRight), ...wrong.slice(0, nWrong)];
}
