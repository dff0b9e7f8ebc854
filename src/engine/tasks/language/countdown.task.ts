import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Rng } from '../../core/rng';
import type { LanguageTaskSpec } from './language-task';
import { makeLanguageTask, type Problem } from './make-language-task';
import { judgeExpression, parseCountdownPrompt, reachableBySubset, solveCountdown } from './countdown-expression';

/** TinyZero's reward for a well-formed equation that misses (verl/utils/reward_score/countdown.py). */
export const COUNTDOWN_FORMAT_SCORE = 0.1;

/** A random subset of {0..k−1} with at least two members (all of them with useAll), as a bit mask. */
function drawMask(rng: Rng, k: number, useAll: boolean): number {
  if (useAll) return (1 << k) - 1;
  const size = 2 + rng.int(k - 1);
  const order = rng.permutation(k);
  let mask = 0;
  for (let i = 0; i < size; i++) mask |= 1 << order[i];
  return mask;
}

/** The canonical answer to a countdown prompt: "3 5 2>11" → "2*3+5" (shortest, then alphabetical). */
export function countdownAnswer(promptText: string, useAll: boolean): string {
  const { numbers, target } = parseCountdownPrompt(promptText);
  const answer = solveCountdown(numbers, target, useAll);
  if (answer === null) throw new Error(`countdown: ${JSON.stringify(promptText)} has no solution`);
  return answer;
}

/**
 * Numbers first, then a target made by a random expression over some of them, so every target is
 * reachable by construction. A target equal to one given number would be solved by copying it,
 * so such targets are drawn again (unless every number must be used).
 */
function drawProblem(rng: Rng, count: number, maxNumber: number, useAll: boolean): Problem {
  for (;;) {
    const numbers = Array.from({ length: count }, () => 1 + rng.int(maxNumber));
    const table = reachableBySubset(numbers);
    const candidates = [...table[drawMask(rng, count, useAll)].values()];
    const target = candidates[rng.int(candidates.length)].value;
    if (target < 1 || (!useAll && numbers.includes(target))) continue;
    const answer = solveCountdown(numbers, target, useAll, table);
    if (answer === null) throw new Error(`countdown: no solution for ${numbers} → ${target}, a solver bug`);
    return { promptText: `${numbers.join(' ')}>${target}`, answerText: answer };
  }
}

/** Countdown: prompt "3 5 2>11", answer "2*3+5" (any expression hitting 11 counts). */
export const countdownTask = defineModule({
  id: 'countdown',
  stage: 'task',
  label: 'Countdown',
  explain:
    'Reach the target with + − × and parentheses, each given number at most once: 3 5 2>11 → 2*3+5. Graded: 0.1 for a well-formed miss.',
  formula:
    'r = \\mathbb{1}[\\operatorname{eval}(\\hat y) = t \\wedge \\operatorname{nums}(\\hat y) \\subseteq \\{n_1,\\dots,n_k\\}]' +
    '\\ \\text{(graded: 0.1 if } \\hat y \\text{ parses)}',
  paper: {
    short: 'TinyZero',
    title: 'TinyZero (Countdown task)',
    authors: 'Pan, Zhang, Wang, Yuan, Peng, Suhr',
    year: 2025,
    url: 'https://github.com/Jiayi-Pan/TinyZero',
  },
  schema: z.object({
    count: z.number().int().min(3).max(4).default(3).describe('How many numbers are given'),
    maxNumber: z.number().int().min(3).max(20).default(9).describe('Numbers are drawn from 1..maxNumber'),
    useAll: z.boolean().default(false).describe('Every number exactly once, as in TinyZero (else at most once)'),
    graded: z.boolean().default(false).describe('TinyZero format score: 0.1 for a well-formed wrong expression'),
  }),
  create: (p): LanguageTaskSpec => {
    const numberDigits = String(p.maxNumber).length;
    const targetDigits = String(p.maxNumber ** p.count).length;
    const numbersText = p.count * numberDigits + (p.count - 1); // numbers and the spaces between
    // At most count−2 pairs of parentheses: one per operator that is neither the root nor a leaf.
    const longestAnswer = p.count * numberDigits + (p.count - 1) + 2 * (p.count - 2);
    return makeLanguageTask({
      id: 'countdown',
      description: `Reach a target from ${p.count} numbers in 1..${p.maxNumber} with + − ×${p.useAll ? ', using all of them' : ''}`,
      maxPromptLength: numbersText + targetDigits + 3, // <bos> numbers > target <sep>
      maxCompletionLength: longestAnswer + 1,
      graded: p.graded,
      draw: (rng) => drawProblem(rng, p.count, p.maxNumber, p.useAll),
      check: (example, text) => {
        const { numbers, target } = parseCountdownPrompt(example.promptText);
        return judgeExpression(text, numbers, target, p.useAll) === 'correct';
      },
      partialCredit: (example, text) => {
        const { numbers, target } = parseCountdownPrompt(example.promptText);
        return judgeExpression(text, numbers, target, p.useAll) === 'malformed' ? 0 : COUNTDOWN_FORMAT_SCORE;
      },
      // A digit or an operator one step off: a well-formed expression that misses, as a model's would.
      mistakeOrders: ['0123456789', '+-*'],
      mistakeKinds: ['shift'],
    });
  },
});
