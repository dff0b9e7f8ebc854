import type { Rng } from '../../core/rng';

/** One prompt of a language task, plain data so that it can cross the worker boundary. */
export interface LanguageExample {
  /** `<task id>:<prompt text>`; the same prompt always has the same id. */
  id: string;
  /** Token ids: starts with <bos>, ends with <sep>. */
  prompt: number[];
  /** The prompt between <bos> and <sep>, e.g. "47+38=". */
  promptText: string;
  /** One canonical correct answer, without <eos>, e.g. "85". */
  answerText: string;
}

export interface LanguageTaskSpec {
  kind: 'language';
  id: string;
  description: string;
  /** Tokens of the longest prompt, <bos> and <sep> included. */
  maxPromptLength: number;
  /** Tokens of the longest canonical answer, <eos> included: the sampler's length budget. */
  maxCompletionLength: number;
  /** A training prompt; never one of the held-out prompts. */
  sample(rng: Rng): LanguageExample;
  /**
   * A fixed held-out set: the same seed gives the same set, and no prompt in it can be returned by
   * sample (a hash of the prompt text decides which side of the split a prompt is on).
   */
  evalSet(seed: number, n: number): LanguageExample[];
  /** 1/0 by default; partial credit in [0, 1] when the task was created with graded = true. */
  reward(example: LanguageExample, completion: number[]): number;
  /** The exact verifier, used for pass@k whatever the reward. */
  isCorrect(example: LanguageExample, completion: number[]): boolean;
  /**
   * A supervised demonstration ending in <eos>: the canonical answer, or with probability `noise`
   * a plausible wrong one, so that a base checkpoint made from demonstrations is imperfect on purpose.
   */
  demonstration(example: LanguageExample, rng: Rng, noise: number): number[];
}
