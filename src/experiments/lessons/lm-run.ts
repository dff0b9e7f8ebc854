import type { RunConfigInput } from '../../engine/config/schema';

/** A small language run from a task's base checkpoint; `stages` replaces what it names. */
export function lm(task: string, stages: Partial<RunConfigInput['stages']>, opts: { updates?: number; prompts?: number; prefixMode?: 'plain' | 'shared-prefix'; lr?: number } = {}): RunConfigInput {
  return {
    seed: 1,
    task: { id: task },
    policy: { init: 'checkpoint', prefixMode: opts.prefixMode ?? 'shared-prefix' },
    stages: {
      sample: { id: 'group-prompts', params: { prompts: opts.prompts ?? 8, groupSize: 8 } },
      advantage: { id: 'grpo' },
      surrogate: { id: 'ppo-clip', params: { clipRatioLow: 0.2, clipRatioHigh: 0.2 } },
      aggregate: { id: 'token-mean' },
      regularise: [],
      update: { id: 'adam', params: { lr: opts.lr ?? 1e-3, epochs: 2, minibatches: 2, normAdvantages: 'none', maxGradNorm: 1 } },
      ...stages,
    },
    schedule: { updates: opts.updates ?? 20, evalEvery: 10, evalPrompts: 16, evalSamples: 8, evalK: 8 },
  };
}

