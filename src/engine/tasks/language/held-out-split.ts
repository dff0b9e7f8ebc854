/**
 * Which prompts are held out for evaluation. The split is a function of the prompt text alone, so
 * training and evaluation can never share a prompt, whatever seeds or sample counts a run uses.
 */

/**
 * One prompt in this many is held out. The tasks' parameter minimums keep every prompt space at
 * about a hundred prompts or more, so that neither side of the split is empty
 * (language-tasks.test.ts checks every setting).
 */
export const HELD_OUT_MODULUS = 10;

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True for the prompts reserved for evaluation (about 1 in 10). */
export function isHeldOut(taskId: string, promptText: string): boolean {
  return fnv1a(`${taskId}|${promptText}`) % HELD_OUT_MODULUS === 0;
}
