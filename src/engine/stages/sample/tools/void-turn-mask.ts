import type { Turn } from './turns';

/**
 * SimpleTIR's loss mask for one transcript: m = 0 on tool output, and on every step of a
 * trajectory that has a void turn (its reward still counts in the group's statistics).
 */
export function toolLossMask(
  length: number,
  forced: ArrayLike<number>,
  turns: readonly Turn[],
  opts: { maskVoidTurns: boolean; maskToolOutput: boolean },
): Float32Array {
  const mask = new Float32Array(length).fill(1);
  if (opts.maskVoidTurns && turns.some((t) => t.kind === 'void')) return mask.fill(0);
  if (opts.maskToolOutput) for (let i = 0; i < length; i++) if (forced[i]) mask[i] = 0;
  return mask;
}
