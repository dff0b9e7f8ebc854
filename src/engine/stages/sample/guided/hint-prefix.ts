import type { Rng } from '../../../core/rng';
import { EOS } from '../../../tasks/language/vocab';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';

/**
 * IGPO's injection ratios for one hinted group: G draws of η ~ U[η_low, η_high], sorted
 * ascending (trainer_igpo.py), so the group runs from the lightest hint to the heaviest.
 */
export function sortedEtas(rng: Rng, groupSize: number, low: number, high: number): number[] {
  return Array.from({ length: groupSize }, () => rng.uniform(low, high)).sort((a, b) => a - b);
}

/**
 * Tokens of the reference trace revealed at ratio η: ⌈η·|y*|⌉, at most |y*|. The small slack keeps
 * float products such as 0.6·5 = 3.0000000000000004 from rounding up to an extra token.
 */
export function hintLength(eta: number, traceLength: number): number {
  return Math.min(traceLength, Math.max(0, Math.ceil(eta * traceLength - 1e-9)));
}

/** The reference trace y* a hint is cut from: the task's demonstration without its <eos>. */
export function referenceTrace(task: LanguageTaskSpec, example: LanguageExample, rng: Rng): number[] {
  const demo = task.demonstration(example, rng, 0);
  return demo[demo.length - 1] === EOS ? demo.slice(0, -1) : demo;
}

/**
 * Forced tokens for one KV-sampler call (rows × S, −1 = sample): row g of group q gets the first
 * hintLength(η_qg, |y*_q|) tokens of y*_q, the AR analogue of IGPO's inpainted chunks.
 */
export function hintForcing(traces: number[][], etas: number[][], steps: number): Int32Array {
  const rows = etas.reduce((a, e) => a + e.length, 0);
  const forced = new Int32Array(rows * steps).fill(-1);
  let row = 0;
  traces.forEach((trace, q) => {
    for (const eta of etas[q]) {
      const n = Math.min(hintLength(eta, trace.length), steps);
      for (let t = 0; t < n; t++) forced[row * steps + t] = trace[t];
      row += 1;
    }
  });
  return forced;
}
