import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { LanguageTaskSpec } from './language-task';
import { makeLanguageTask } from './make-language-task';
import { digitScore } from './partial-credit';

/** The answer to an addition prompt: "47+38=" → "85". */
export function addAnswer(promptText: string): string {
  const m = /^([0-9]+)\+([0-9]+)=$/.exec(promptText);
  if (!m) throw new Error(`add: malformed prompt ${JSON.stringify(promptText)}`);
  return String(Number(m[1]) + Number(m[2]));
}

/** Add two numbers: prompt "47+38=", answer "85". */
export const addTask = defineModule({
  id: 'add',
  stage: 'task',
  label: 'Addition',
  explain: 'Add two whole numbers of up to N digits: 47+38= → 85. Graded: share of digits right, from the units up.',
  formula:
    'y = a + b,\\quad r = \\mathbb{1}[\\hat y = y]' +
    '\\ \\text{or}\\ \\tfrac{1}{\\max(|y|,|\\hat y|)}\\textstyle\\sum_{j\\ge 0} \\mathbb{1}[\\hat y_{-j} = y_{-j}]',
  paper: {
    short: 'Small-transformer arithmetic',
    title: 'Teaching Arithmetic to Small Transformers',
    authors: 'Lee, Sreenivasan, Lee, Lee, Papailiopoulos',
    year: 2023,
  },
  schema: z.object({
    digits: z.number().int().min(1).max(4).default(2).describe('Most digits in each operand'),
    graded: z.boolean().default(false).describe('Partial credit: share of digits right, from the units up'),
  }),
  create: (p): LanguageTaskSpec => {
    const bound = 10 ** p.digits;
    return makeLanguageTask({
      id: 'add',
      description: `Add two numbers of up to ${p.digits} digits`,
      maxPromptLength: 2 * p.digits + 4, // <bos> a + b = <sep>
      maxCompletionLength: p.digits + 2, // a carry adds one digit, then <eos>
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${rng.int(bound)}+${rng.int(bound)}=`;
        return { promptText, answerText: addAnswer(promptText) };
      },
      partialCredit: (example, text) => digitScore(example.answerText, text),
    });
  },
});
