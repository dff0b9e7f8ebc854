import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { LanguageTaskSpec } from './language-task';
import { letters, makeLanguageTask, randomString } from './make-language-task';
import { closenessScore } from './partial-credit';

/** The answer to a count prompt: "aabcabca#a?" → "4". */
export function countAnswer(promptText: string): string {
  const m = /^([a-z]+)#([a-z])\?$/.exec(promptText);
  if (!m) throw new Error(`count: malformed prompt ${JSON.stringify(promptText)}`);
  return String([...m[1]].filter((c) => c === m[2]).length);
}

/** Count a letter: prompt "aabcabca#a?", answer "4". */
export const countTask = defineModule({
  id: 'count',
  stage: 'task',
  label: 'Count',
  explain: 'Count how often the letter after # occurs before it: aabcabca#a? → 4. Graded: halves per unit off.',
  formula:
    'y = \\textstyle\\sum_i \\mathbb{1}[x_i = q],\\quad r = \\mathbb{1}[\\hat y = y]\\ \\text{or}\\ 2^{-|\\hat y - y|}',
  paper: {
    short: 'RASP',
    title: 'Thinking Like Transformers',
    authors: 'Weiss, Goldberg, Yahav',
    year: 2021,
  },
  schema: z.object({
    length: z.number().int().min(6).max(12).default(8).describe('Letters in the string'),
    alphabet: z.number().int().min(2).max(6).default(4).describe('Letters drawn from: the first N of a–z'),
    graded: z.boolean().default(false).describe('Partial credit: 2^-|error|'),
  }),
  create: (p): LanguageTaskSpec => {
    const alphabet = letters(p.alphabet);
    return makeLanguageTask({
      id: 'count',
      description: `Count one letter in a string of ${p.length} letters from ${alphabet[0]}–${alphabet[alphabet.length - 1]}`,
      maxPromptLength: p.length + 5, // <bos> letters # q ? <sep>
      maxCompletionLength: String(p.length).length + 1,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${randomString(rng, alphabet, p.length)}#${alphabet[rng.int(alphabet.length)]}?`;
        return { promptText, answerText: countAnswer(promptText) };
      },
      partialCredit: (example, text) => closenessScore(Number(example.answerText), text),
    });
  },
});
