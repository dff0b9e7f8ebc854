import { z } from 'zod';
import { defineModule } from '../../registry/module';
import type { Rng } from '../../core/rng';
import type { LanguageTaskSpec } from './language-task';
import { letters, makeLanguageTask, randomString } from './make-language-task';

/** The answer to a palindrome prompt: "abcba?" → "1", "abcca?" → "0". */
export function palindromeAnswer(promptText: string): string {
  const s = promptText.slice(0, -1);
  for (let i = 0, j = s.length - 1; i < j; i++, j--) if (s[i] !== s[j]) return '0';
  return '1';
}

/**
 * Half palindromes, half near misses (a palindrome with one letter changed off the centre), so
 * that looking at the first and last letter is not enough.
 */
function drawString(rng: Rng, alphabet: string, length: number): string {
  const half = randomString(rng, alphabet, Math.floor(length / 2));
  const middle = length % 2 === 1 ? randomString(rng, alphabet, 1) : '';
  const chars = [...(half + middle + [...half].reverse().join(''))];
  if (rng.next() < 0.5) {
    const i = rng.int(Math.floor(length / 2));
    const other = alphabet.replace(chars[i], '');
    chars[i] = other[rng.int(other.length)];
  }
  return chars.join('');
}

/** Palindrome check: prompt "abcba?", answer "1"; "abcca?" → "0". */
export const palindromeTask = defineModule({
  id: 'palindrome',
  stage: 'task',
  label: 'Palindrome',
  explain: 'Say whether a string reads the same backwards (1) or not (0): abcba? → 1. One bit, so always 1/0.',
  formula: 'y = \\mathbb{1}[x_i = x_{n+1-i}\\ \\forall i],\\quad r = \\mathbb{1}[\\hat y = y]',
  paper: {
    short: 'toy task',
    title: 'Lab-defined algorithmic task',
    authors: 'PG Lab',
    year: 2026,
  },
  schema: z.object({
    length: z.number().int().min(5).max(10).default(5).describe('Letters in the string'),
    alphabet: z.number().int().min(3).max(6).default(3).describe('Letters drawn from: the first N of a–z'),
    graded: z.boolean().default(false).describe('No effect: a one-bit answer has no partial credit'),
  }),
  create: (p): LanguageTaskSpec => {
    const alphabet = letters(p.alphabet);
    return makeLanguageTask({
      id: 'palindrome',
      description: `Is a string of ${p.length} letters a palindrome? 1 for yes, 0 for no`,
      maxPromptLength: p.length + 3, // <bos> letters ? <sep>
      maxCompletionLength: 2,
      graded: p.graded,
      draw: (rng) => {
        const promptText = `${drawString(rng, alphabet, p.length)}?`;
        return { promptText, answerText: palindromeAnswer(promptText) };
      },
      mistakeOrders: ['01'],
    });
  },
});
