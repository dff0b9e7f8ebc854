import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { LanguageTaskSpec } from './language-task';
import { makeLanguageTask, randomString } from './make-language-task';
import { positionalScore } from './partial-credit';

/** The answer to a sort prompt: "31524?" → "12345". */
export function sortAnswer(promptText: string): string {
  return [...promptText.slice(0, -1)].sort().join('');
}

/** Sort digits ascending: prompt "31524?", answer "12345". */
export const sortTask = defineModule({
  id: 'sort',
  stage: 'task',
  label: 'Sort digits',
  explain: 'Sort a string of digits in ascending order: 31524? → 12345. Graded: share of digits in the right place.',
  formula:
    'y = \\operatorname{sort}(x),\\quad r = \\mathbb{1}[\\hat y = y]' +
    '\\ \\text{or}\\ \\tfrac{1}{\\max(|y|,|\\hat y|)}\\textstyle\\sum_i \\mathbb{1}[\\hat y_i = y_i]',
  paper: {
    short: 'RASP',
    title: 'Thinking Like Transformers',
    authors: 'Weiss, Goldberg, Yahav',
    year: 2021,
  },
  schema: z.object({
    length: z.number().int().min(3).max(8).default(5).describe('Digits in the string'),
    graded: z.boolean().default(false).describe('Partial credit: share of digits in the right place'),
  }),
  create: (p): LanguageTaskSpec =>
    makeLanguageTask({
      id: 'sort',
      description: `Sort ${p.length} digits in ascending order`,
      maxPromptLength: p.length + 3, // <bos> digits ? <sep>
      maxCompletionLength: p.length + 1,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${randomString(rng, '0123456789', p.length)}?`;
        return { promptText, answerText: sortAnswer(promptText) };
      },
      partialCredit: (example, text) => positionalScore(example.answerText, text),
    }),
});
