import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Rng } from '../../core/rng';
import type { LanguageExample, LanguageTaskSpec } from './language-task';
import { makeLanguageTask } from './make-language-task';
import { plausibleMistake } from './mistakes';
import { digitScore } from './partial-credit';
import { evaluate, parseExpression } from './countdown-expression';
import { EOS, FIRST_CHAR_ID, decode, encode } from './vocab';

/*
 * A multi-turn calculator task. The model may call a calculator by writing "#<expression>="; the
 * environment appends the result, and the model goes on until it writes ">answer" and <eos>:
 *
 *   prompt 23*41+7    transcript  #23*41=  943  >950 <eos>
 *                                 model    tool  model
 */

/** What the calculator answers to a call it cannot evaluate. */
export const CALC_ERROR = '?';
/** Longer results are refused like malformed calls, which keeps transcripts inside the context. */
const MAX_RESULT_CHARS = 6;

/** Token ids of the transcript's markers. */
export const CALC_MARKERS = {
  callOpen: encode('#')[0],
  callEnd: encode('=')[0],
  answer: encode('>')[0],
} as const;

/** The calculator: "23*41" → "943"; whatever it cannot evaluate → "?". */
export function calculate(expression: string): string {
  const tree = parseExpression(expression);
  if (tree === null) return CALC_ERROR;
  const value = evaluate(tree);
  const text = String(value);
  return Number.isSafeInteger(value) && text.length <= MAX_RESULT_CHARS ? text : CALC_ERROR;
}

/**
 * The tool a multi-turn sampler runs between the model's turns. A turn makes a call when it ends
 * with "=" (the sampler's stop token) and has a "#" before it; the expression is the text between
 * the last "#" and that "=". A malformed expression is still a call: the calculator answers "?".
 */
export const calcTool = {
  callEnd: CALC_MARKERS.callEnd,
  answerMarker: CALC_MARKERS.answer,
  /** Output tokens of the call that ends this model turn, or null when the turn makes no call. */
  call(turn: readonly number[]): number[] | null {
    if (turn.length === 0 || turn[turn.length - 1] !== CALC_MARKERS.callEnd) return null;
    const open = turn.lastIndexOf(CALC_MARKERS.callOpen);
    if (open < 0) return null;
    const body = turn.slice(open + 1, -1);
    const plain = body.every((t) => t >= FIRST_CHAR_ID);
    return encode(plain ? calculate(decode(body)) : CALC_ERROR);
  },
};

/** The final answer a transcript states: the text after its last ">", or null without one. */
export function statedAnswer(text: string): string | null {
  const at = text.lastIndexOf('>');
  return at < 0 ? null : text.slice(at + 1);
}

/** The value a prompt asks for: "23*41+7" → 950. */
export function calcValue(promptText: string): number {
  const tree = parseExpression(promptText);
  if (tree === null) throw new Error(`calc: malformed prompt ${JSON.stringify(promptText)}`);
  return evaluate(tree);
}

/** The canonical transcript of "a*b+c": one call for the product, then the sum: "#23*41=943>950". */
export function calcTranscript(promptText: string): string {
  const m = /^([0-9]+\*[0-9]+)\+[0-9]+$/.exec(promptText);
  if (!m) throw new Error(`calc: malformed prompt ${JSON.stringify(promptText)}`);
  return `#${m[1]}=${calculate(m[1])}>${calcValue(promptText)}`;
}

function drawOperand(rng: Rng, digits: number): number {
  return 1 + rng.int(10 ** digits - 1);
}

/** Calculator: prompt "23*41+7", transcript "#23*41=943>950" where "943" comes from the tool. */
export const calcTask = defineModule({
  id: 'calc',
  stage: 'task',
  label: 'Calculator (multi-turn)',
  explain:
    'Compute a*b+c, calling a calculator as "#expr=" (its result is appended) before answering ">value": 23*41+7 → #23*41=943>950. Graded: digits of the answer right, from the units up.',
  formula:
    'y = a\\cdot b + c,\\quad r = \\mathbb{1}[\\text{text after the last “>”} = y]' +
    '\\ \\text{(graded: share of digits right from the units up)}',
  paper: {
    short: 'Toolformer',
    title: 'Toolformer: Language Models Can Teach Themselves to Use Tools',
    authors: 'Schick, Dwivedi-Yu, Dessì, Raileanu, Lomeli, Zettlemoyer, Cancedda, Scialom',
    year: 2023,
    url: 'https://arxiv.org/abs/2302.04761',
  },
  schema: z.object({
    digits: z.number().int().min(1).max(2).default(2).describe('Most digits of a and b (c is one digit)'),
    graded: z.boolean().default(false).describe('Partial credit: share of the answer’s digits right, from the units up'),
  }),
  create: (p): LanguageTaskSpec => {
    const maxPromptLength = 2 * p.digits + 5; // <bos> a * b + c <sep>
    const check = (example: LanguageExample, text: string) => statedAnswer(text) === String(calcValue(example.promptText));
    const task = makeLanguageTask({
      id: 'calc',
      description: `Compute a*b+c (a, b up to ${p.digits} digits) with a calculator tool`,
      maxPromptLength,
      // The rest of the 32-token context: room for the canonical call and answer, and a little more.
      maxCompletionLength: 32 - maxPromptLength,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${drawOperand(rng, p.digits)}*${drawOperand(rng, p.digits)}+${1 + rng.int(9)}`;
        return { promptText, answerText: calcTranscript(promptText) };
      },
      check,
      partialCredit: (example, text) => {
        const stated = statedAnswer(text);
        return stated === null ? 0 : digitScore(String(calcValue(example.promptText)), stated);
      },
    });
    return {
      ...task,
      // Mistakes only in the model's own last turn: the tool's output in a demonstration is always true.
      demonstration(example, rng, noise) {
        if (rng.next() >= noise) return [...encode(example.answerText), EOS];
        const at = example.answerText.lastIndexOf('>');
        const beforeAnswer = example.answerText.slice(0, at);
        const lastTurn = plausibleMistake(example.answerText.slice(at), rng, (t) => !check(example, beforeAnswer + t), ['0123456789']);
        return [...encode(beforeAnswer + lastTurn), EOS];
      },
    };
  },
});
