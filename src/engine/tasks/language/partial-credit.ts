/** Partial-credit scores in [0, 1] used by the tasks' graded rewards. */

/**
 * Share of positions where the answer and the output agree, over the longer of the two, so that
 * missing and extra characters both cost: "edcba" vs "edcab" → 3/5, vs "edc" → 3/5.
 */
export function positionalScore(answer: string, output: string): number {
  const n = Math.max(answer.length, output.length);
  if (n === 0) return 1;
  let same = 0;
  for (let i = 0; i < Math.min(answer.length, output.length); i++) if (answer[i] === output[i]) same++;
  return same / n;
}

/**
 * Numbers compared digit by digit from the units up, over the longer of the two; output that is
 * not a plain digit string scores 0: "85" vs "75" → 1/2, vs "185" → 2/3, vs "8a" → 0.
 */
export function digitScore(answer: string, output: string): number {
  if (!/^[0-9]+$/.test(output)) return 0;
  const n = Math.max(answer.length, output.length);
  let same = 0;
  for (let i = 1; i <= Math.min(answer.length, output.length); i++) {
    if (answer[answer.length - i] === output[output.length - i]) same++;
  }
  return same / n;
}

/**
 * Halves with each unit of distance from the true count: off by one → 1/2, by two → 1/4. Only a
 * number written plainly counts ("04" scores 0), so that a wrong text can never score 1.
 */
export function closenessScore(truth: number, output: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(output)) return 0;
  return 2 ** -Math.abs(Number(output) - truth);
}
