import { Rng } from '../../core/rng';
import type { LanguageExample, LanguageTaskSpec } from './language-task';
import { isHeldOut } from './held-out-split';
import { plausibleMistake, type MistakeKind } from './mistakes';
import { BOS, EOS, SEP, completionText, encode } from './vocab';

/** A problem as a task draws it, before the held-out split and tokenisation. */
export interface Problem {
  promptText: string;
  answerText: string;
}

/** What a task module supplies; makeLanguageTask adds the split, tokens, rewards and demos. */
export interface LanguageTaskParts {
  id: string;
  description: string;
  maxPromptLength: number;
  maxCompletionLength: number;
  graded: boolean;
  /** Any problem of the task; the split is applied afterwards. */
  draw(rng: Rng): Problem;
  /** Exact check of a stated answer. Default: equal to the canonical answer. */
  check?(example: LanguageExample, text: string): boolean;
  /** Partial credit in [0, 1] for a wrong answer, used when graded. Default: 0. */
  partialCredit?(example: LanguageExample, text: string): number;
  /** Character orders for off-by-one mistakes in demonstrations (see mistakes.ts). */
  mistakeOrders?: readonly string[];
  /** Which kinds of mistake demonstrations make. Default: swap, shift and drop. */
  mistakeKinds?: readonly MistakeKind[];
}

/** The example for a prompt text and its canonical answer. */
export function languageExample(taskId: string, promptText: string, answerText: string): LanguageExample {
  encode(answerText); // fails loudly if a generator ever leaves the vocabulary
  return { id: `${taskId}:${promptText}`, prompt: [BOS, ...encode(promptText), SEP], promptText, answerText };
}

/** Give up on a draw loop after this many tries: only a broken generator gets there. */
const MAX_TRAINING_DRAWS = 10_000;

export function makeLanguageTask(parts: LanguageTaskParts): LanguageTaskSpec {
  const check = parts.check ?? ((example: LanguageExample, text: string) => text === example.answerText);

  const toExample = ({ promptText, answerText }: Problem): LanguageExample => {
    const example = languageExample(parts.id, promptText, answerText);
    if (example.prompt.length > parts.maxPromptLength || answerText.length + 1 > parts.maxCompletionLength) {
      throw new Error(
        `${parts.id}: problem ${JSON.stringify(promptText)} → ${JSON.stringify(answerText)} exceeds the stated ` +
          `lengths (prompt ≤ ${parts.maxPromptLength}, completion ≤ ${parts.maxCompletionLength} tokens)`,
      );
    }
    return example;
  };

  const score = (example: LanguageExample, completion: number[]): { correct: boolean; credit: number } => {
    const text = completionText(completion);
    if (text === null) return { correct: false, credit: 0 };
    if (check(example, text)) return { correct: true, credit: 1 };
    const credit = parts.partialCredit ? parts.partialCredit(example, text) : 0;
    return { correct: false, credit: Math.min(1, Math.max(0, credit)) };
  };

  return {
    kind: 'language',
    id: parts.id,
    description: parts.description,
    maxPromptLength: parts.maxPromptLength,
    maxCompletionLength: parts.maxCompletionLength,

    sample(rng) {
      for (let i = 0; i < MAX_TRAINING_DRAWS; i++) {
        const problem = parts.draw(rng);
        if (!isHeldOut(parts.id, problem.promptText)) return toExample(problem);
      }
      throw new Error(`${parts.id}: no training prompt in ${MAX_TRAINING_DRAWS} draws`);
    },

    evalSet(seed, n) {
      if (!Number.isInteger(n) || n < 0) throw new Error(`${parts.id}: evalSet size must be a whole number, got ${n}`);
      const rng = new Rng(seed);
      const found = new Map<string, LanguageExample>();
      const budget = 1_000 + 200 * n;
      for (let i = 0; i < budget && found.size < n; i++) {
        const problem = parts.draw(rng);
        if (isHeldOut(parts.id, problem.promptText) && !found.has(problem.promptText)) {
          found.set(problem.promptText, toExample(problem));
        }
      }
      const distinct = [...found.values()];
      if (distinct.length === n) return distinct;
      if (distinct.length === 0) {
        throw new Error(`${parts.id}: found no held-out prompt; the task's prompt space is too small`);
      }
      // A small prompt space has fewer held-out prompts than asked for: repeat them in order.
      return Array.from({ length: n }, (_, i) => distinct[i % distinct.length]);
    },

    reward(example, completion) {
      const { correct, credit } = score(example, completion);
      return parts.graded ? credit : correct ? 1 : 0;
    },

    isCorrect(example, completion) {
      return score(example, completion).correct;
    },

    demonstration(example, rng, noise) {
      const wrong = rng.next() < noise;
      const text = wrong
        ? plausibleMistake(example.answerText, rng, (t) => !check(example, t), parts.mistakeOrders, parts.mistakeKinds)
        : example.answerText;
      return [...encode(text), EOS];
    },
  };
}

/** Letters a, b, c, … : the first `size` of them. */
export function letters(size: number): string {
  return 'abcdefghijklmnopqrstuvwxyz'.slice(0, size);
}

/** A string of `length` characters drawn uniformly from `alphabet`. */
export function randomString(rng: Rng, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}
