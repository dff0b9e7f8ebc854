/**
 * How much work each figure gets: the full suite (`npm run bench`, ~10 minutes on 2 busy cores)
 * and the smoke suite (`npm run bench -- --smoke`, seconds per figure: it checks that every figure
 * can be produced; its values mean nothing). WebGPU here is SwiftShader (software), so its figures
 * check correctness, not speed, and get small budgets in both.
 */
export interface MatmulBudget {
  size: number;
  /** Untimed repetitions first (kernel compilation). */
  warmup: number;
  minReps: number;
  maxReps: number;
  minMs: number;
  /** Products queued per repetition on a GPU backend before one read-back. */
  gpuInner: number;
}
export interface ThroughputBudget {
  warmup: number;
  updates: number;
  maxMs: number;
  /** Rollout length per env and PPO epochs (the preset's 32 and 20 unless shrunk for a smoke run). */
  numSteps: number;
  epochs: number;
}
export interface LmGrpoBudget {
  warmup: number;
  updates: number;
  /** Q and G of the GRPO batch. */
  prompts: number;
  groupSize: number;
}
export interface KvBudget {
  rows: number;
  promptLength: number;
  newTokens: number;
  reps: number;
}
export interface PrefixBudget {
  prompts: number;
  groupSize: number;
  promptLength: number;
  completionLength: number;
  reps: number;
}
export interface UiBudget {
  preset: string;
  runs: number;
  settleMs: number;
  windowMs: number;
}

export interface Budget {
  smoke: boolean;
  matmul: MatmulBudget;
  /** cartpole-ppo until episode/return_mean ≥ threshold, one browser run per seed. */
  solve: { seeds: number[]; threshold: number; maxMs: number };
  throughput: ThroughputBudget;
  throughputWebgpu: ThroughputBudget;
  lmGrpo: LmGrpoBudget;
  lmGrpoWebgpu: LmGrpoBudget;
  kv: KvBudget;
  kvWebgpu: KvBudget;
  prefix: PrefixBudget;
  prefixWebgpu: PrefixBudget;
  drift: { early: number; late: number };
  driftWebgpu: { early: number; late: number };
  /** Runs started in the lab page, then a settling time and a measuring window. */
  ui: UiBudget;
  uiWebgpu: UiBudget;
}

// Prompt:completion 3:1 in the default context of 32: 24 + 8 tokens, Q 16 × G 8.
const PREFIX = { prompts: 16, groupSize: 8, promptLength: 24, completionLength: 8 };
// Sequence length 32 (the default context): a 4-token prompt and 28 sampled tokens.
const KV = { promptLength: 4, newTokens: 28 };

export const FULL: Budget = {
  smoke: false,
  matmul: { size: 512, warmup: 2, minReps: 5, maxReps: 50, minMs: 2000, gpuInner: 1 },
  solve: { seeds: [1, 2, 3], threshold: 475, maxMs: 240_000 },
  throughput: { warmup: 3, updates: 40, maxMs: 120_000, numSteps: 32, epochs: 20 },
  throughputWebgpu: { warmup: 1, updates: 1, maxMs: 120_000, numSteps: 32, epochs: 20 },
  lmGrpo: { warmup: 2, updates: 8, prompts: 16, groupSize: 8 },
  lmGrpoWebgpu: { warmup: 0, updates: 1, prompts: 16, groupSize: 8 },
  kv: { ...KV, rows: 32, reps: 3 },
  kvWebgpu: { ...KV, rows: 8, reps: 1 },
  prefix: { ...PREFIX, reps: 3 },
  prefixWebgpu: { ...PREFIX, prompts: 2, reps: 1 },
  drift: { early: 10, late: 1000 },
  driftWebgpu: { early: 10, late: 100 },
  ui: { preset: 'cartpole-ppo', runs: 4, settleMs: 5000, windowMs: 30_000 },
  // Four SwiftShader PPO runs make no update in a 15 s window (each takes ~50 s when four share
  // the CPUs): the WebGPU UI figure trains the bandit, whose updates are short.
  uiWebgpu: { preset: 'bandit-reinforce', runs: 4, settleMs: 2000, windowMs: 10_000 },
};

export const SMOKE: Budget = {
  smoke: true,
  matmul: { size: 512, warmup: 1, minReps: 1, maxReps: 1, minMs: 0, gpuInner: 1 },
  // A return of 30 is reached within a few updates: it exercises the path, it solves nothing.
  solve: { seeds: [1], threshold: 30, maxMs: 30_000 },
  throughput: { warmup: 1, updates: 2, maxMs: 30_000, numSteps: 32, epochs: 20 },
  throughputWebgpu: { warmup: 0, updates: 1, maxMs: 60_000, numSteps: 4, epochs: 1 },
  lmGrpo: { warmup: 0, updates: 1, prompts: 4, groupSize: 8 },
  lmGrpoWebgpu: { warmup: 0, updates: 1, prompts: 2, groupSize: 4 },
  kv: { rows: 8, promptLength: 4, newTokens: 12, reps: 1 },
  kvWebgpu: { rows: 4, promptLength: 4, newTokens: 4, reps: 1 },
  prefix: { ...PREFIX, prompts: 2, reps: 1 },
  prefixWebgpu: { ...PREFIX, prompts: 1, reps: 1 },
  drift: { early: 10, late: 30 },
  driftWebgpu: { early: 1, late: 3 },
  ui: { preset: 'cartpole-ppo', runs: 4, settleMs: 1000, windowMs: 3000 },
  uiWebgpu: { preset: 'bandit-reinforce', runs: 4, settleMs: 500, windowMs: 2000 },
};
