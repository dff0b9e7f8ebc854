import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { LanguageTaskSpec } from './language-task';
import { makeLanguageTask, randomString } from './make-language-task';

/** The answer to a parity prompt: "10110010?" → "0" (four ones: even). */
export function parityAnswer(promptText: string): string {
  const ones = [...promptText].filter((c) => c === '1').length;
  return String(ones % 2);
}

/** Parity of a bit string: prompt "10110010?", answer "0" (four 1s: even). */
export const parityTask = defineModule({
  id: 'parity',
  stage: 'task',
  label: 'Parity',
  explain: 'Say whether a bit string has an even (0) or odd (1) number of ones: 10110010? → 0. One bit, so always 1/0.',
  formula: 'y = \\textstyle\\sum_i x_i \\bmod 2,\\quad r = \\mathbb{1}[\\hat y = y]',
  paper: {
    short: 'Chomsky hierarchy',
    title: 'Neural Networks and the Chomsky Hierarchy',
    authors: 'Delétang, Ruoss, Grau-Moya, Genewein, Wenliang, Catt, Cundy, Hutter, Legg, Veness, Ortega',
    year: 2023,
  },
  schema: z.object({
    length: z.number().int().min(7).max(16).default(8).describe('Bits in the string'),
    graded: z.boolean().default(false).describe('No effect: a one-bit answer has no partial credit'),
  }),
  create: (p): LanguageTaskSpec =>
    makeLanguageTask({
      id: 'parity',
      description: `Parity of ${p.length} bits: 0 for an even number of ones, 1 for odd`,
      maxPromptLength: p.length + 3, // <bos> bits ? <sep>
      maxCompletionLength: 2,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${randomString(rng, '01', p.length)}?`;
        return { promptText, answerText: parityAnswer(promptText) };
      },
      mistakeOrders: ['01'],
    }),
});
