import type { Rng } from '../../core/rng';

/** Characters a "shift" mistake moves along: a digit to a neighbouring digit, a letter likewise. */
export const DEFAULT_ORDERS: readonly string[] = ['0123456789', 'abcdefghijklmnopqrstuvwxyz'];

export const MISTAKE_KINDS = ['swap', 'shift', 'drop'] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

function mutate(answer: string, rng: Rng, orders: readonly string[], kinds: readonly MistakeKind[]): string {
  const chars = [...answer];
  const kind = kinds[rng.int(kinds.length)];
  if (kind === 'swap' && chars.length >= 2) {
    const i = rng.int(chars.length - 1);
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  } else if (kind === 'drop' && chars.length >= 2) {
    chars.splice(rng.int(chars.length), 1);
  } else {
    const i = rng.int(chars.length);
    const order = orders.find((o) => o.includes(chars[i]));
    if (order) {
      // One step up or down, never wrapping round: a count of 0 becomes 1, not 9.
      const at = order.indexOf(chars[i]);
      const up = at === 0 || (at < order.length - 1 && rng.next() < 0.5);
      chars[i] = order[up ? at + 1 : at - 1];
    }
  }
  return chars.join('');
}

/**
 * A wrong answer of the kind a half-trained model makes: two neighbours swapped, one character
 * off by one, or one character dropped. Tries until the verifier rejects it, so a demonstration
 * marked as a mistake is always a mistake (e.g. "3*5" → "5*3" is still right in countdown).
 */
export function plausibleMistake(
  answer: string,
  rng: Rng,
  isWrong: (text: string) => boolean,
  orders: readonly string[] = DEFAULT_ORDERS,
  kinds: readonly MistakeKind[] = MISTAKE_KINDS,
): string {
  if (answer.length === 0) throw new Error('plausibleMistake: empty answer');
  for (let attempt = 0; attempt < 64; attempt++) {
    const candidate = mutate(answer, rng, orders, kinds);
    if (candidate.length > 0 && isWrong(candidate)) return candidate;
  }
  // A repeated last character: still short and plausible, and wrong for every task here.
  const fallback = answer + answer[answer.length - 1];
  if (isWrong(fallback)) return fallback;
  throw new Error(`plausibleMistake: found no wrong variant of ${JSON.stringify(answer)}`);
}
