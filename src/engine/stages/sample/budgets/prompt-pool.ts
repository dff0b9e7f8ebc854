import { z } from 'zod';
import type { Rng } from '../../../core/rng';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';

export const poolSizeParam = z
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(256)
  .describe('N: training prompts in the fixed pool the sampler draws from, so that prompts come back and their statistics mean something (lab scale; SPO draws from 14000)');

/**
 * A fixed pool of training prompts: per-prompt statistics (success rates, trackers, difficulty)
 * need prompts that come back. Drawn once, at first use, from the task's training sampler with a
 * generator forked from the run's sampling generator, so the same seed gives the same pool.
 */
export class PromptPool {
  private pool: LanguageExample[] | null = null;
  private readonly index = new Map<string, number>();

  constructor(readonly size: number) {}

  examples(task: LanguageTaskSpec, rng: Rng): readonly LanguageExample[] {
    if (!this.pool) {
      this.pool = drawDistinctExamples(task, rng.fork(), this.size);
      this.pool.forEach((ex, i) => this.index.set(ex.id, i));
    }
    return this.pool;
  }

  /** Pool position of a prompt (−1 when it is not in the pool). */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }
}

/** Up to `size` distinct prompts; a task with fewer distinct prompts gives a smaller pool. */
export function drawDistinctExamples(task: LanguageTaskSpec, rng: Rng, size: number): LanguageExample[] {
  const seen = new Set<string>();
  const out: LanguageExample[] = [];
  for (let tries = 0; out.length < size && tries < size * 20; tries++) {
    const ex = task.sample(rng);
    if (seen.has(ex.id)) continue;
    seen.add(ex.id);
    out.push(ex);
  }
  return out;
}
