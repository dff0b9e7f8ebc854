import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { LanguageTaskSpec } from './language-task';
import { letters, makeLanguageTask, randomString } from './make-language-task';
import { positionalScore } from './partial-credit';

/** The answer to a reverse prompt: "abcde?" → "edcba". */
export function reverseAnswer(promptText: string): string {
  return [...promptText.slice(0, -1)].reverse().join('');
}

/** Reverse a string of letters: prompt "abcde?", answer "edcba". */
export const reverseTask = defineModule({
  id: 'reverse',
  stage: 'task',
  label: 'Reverse',
  explain: 'Write a string of letters backwards: abcde? → edcba. Graded: share of letters in the right place.',
  formula:
    'y = x_n x_{n-1} \\cdots x_1,\\quad r = \\mathbb{1}[\\hat y = y]' +
    '\\ \\text{or}\\ \\tfrac{1}{\\max(|y|,|\\hat y|)}\\textstyle\\sum_i \\mathbb{1}[\\hat y_i = y_i]',
  paper: {
    short: 'Chomsky hierarchy',
    title: 'Neural Networks and the Chomsky Hierarchy',
    authors: 'Delétang, Ruoss, Grau-Moya, Genewein, Wenliang, Catt, Cundy, Hutter, Legg, Veness, Ortega',
    year: 2023,
  },
  schema: z.object({
    length: z.number().int().min(3).max(8).default(5).describe('Letters in the string'),
    alphabet: z.number().int().min(5).max(26).default(26).describe('Letters drawn from: the first N of a–z'),
    graded: z.boolean().default(false).describe('Partial credit: share of letters in the right place'),
  }),
  create: (p): LanguageTaskSpec => {
    const alphabet = letters(p.alphabet);
    return makeLanguageTask({
      id: 'reverse',
      description: `Reverse a string of ${p.length} letters`,
      maxPromptLength: p.length + 3, // <bos> letters ? <sep>
      maxCompletionLength: p.length + 1,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${randomString(rng, alphabet, p.length)}?`;
        return { promptText, answerText: reverseAnswer(promptText) };
      },
      partialCredit: (example, text) => positionalScore(example.answerText, text),
      mistakeOrders: [alphabet],
    });
  },
});
