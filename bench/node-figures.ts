/** Engine figures measured in this Node process (wasm and cpu backends). */
import '../src/engine/backend/register-node';
import { nodeCheckpoints } from '../src/cli/node-checkpoints';
import { findPreset } from '../src/experiments/presets';
import { runJob, type Job } from '../src/bench/jobs';
import type { BackendName } from '../src/engine/backend/backend';
import type { RunConfigInput } from '../src/engine/config/schema';
import type { Budget, LmGrpoBudget, MatmulBudget } from './budgets';
import { driftFigure, kvFigure, lmGrpoFigures, matmulFigure, missing, prefixFigures, type Figure, type Figures } from './figures';

export const LM_PRESET = 'lm-reverse-grpo';
export const DRIFT_PRESET = 'bandit-reinforce';
const WHERE = 'Node';

export function presetConfig(id: string): RunConfigInput {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.config;
}

/** A language preset with its GRPO batch set to Q prompts × G completions. */
export function lmConfig(b: LmGrpoBudget): RunConfigInput {
  const base = presetConfig(LM_PRESET);
  const sample = base.stages.sample;
  return { ...base, stages: { ...base.stages, sample: { ...sample, params: { ...sample.params, prompts: b.prompts, groupSize: b.groupSize } } } };
}

export function matmulJob(backend: BackendName, m: MatmulBudget, inner: number): Job {
  return { kind: 'matmul', backend, size: m.size, warmup: m.warmup, minReps: m.minReps, maxReps: m.maxReps, minMs: m.minMs, inner };
}

/**
 * Runs one group of figures; a failure becomes null figures with the error, so that one broken
 * figure never hides the others.
 */
export async function attempt(names: [string, string][], figures: Figures, log: (s: string) => void, fn: () => Promise<Figures>): Promise<void> {
  const t0 = performance.now();
  try {
    const got = await fn();
    Object.assign(figures, got);
    for (const [name, value] of Object.entries(got)) log(`  ${name} = ${value.value === null ? '—' : value.value} ${value.unit}`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    for (const [name, unit] of names) figures[name] = missing(unit, `failed: ${message}`);
    log(`  FAILED ${names.map((n) => n[0]).join(', ')}: ${message}`);
  }
  log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

export async function nodeFigures(budget: Budget, log: (s: string) => void, only: (group: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  const run = (job: Job) => runJob(job, nodeCheckpoints);

  if (only('matmul')) {
    for (const backend of ['wasm', 'cpu'] as const) {
      log(`node: matmul ${backend}`);
      await attempt([[`matmul_gflops.${backend}`, 'GFLOP/s']], figures, log, async () => ({
        [`matmul_gflops.${backend}`]: matmulFigure(await run(matmulJob(backend, budget.matmul, 1)), WHERE),
      }));
    }
  }
  if (only('lm')) {
    log('node: lm_grpo (wasm)');
    await attempt([['lm_grpo.tokens_per_s', 'tokens/s'], ['lm_grpo.mfu', 'ratio']], figures, log, async () => {
      const { warmup, updates } = budget.lmGrpo;
      const r = await run({ kind: 'lm-grpo', backend: 'wasm', config: lmConfig(budget.lmGrpo), warmup, updates });
      const peak: Figure | undefined = figures['matmul_gflops.wasm'];
      const f = lmGrpoFigures(r, 'matmul_gflops.wasm', peak, LM_PRESET, budget.lmGrpo.warmup, WHERE);
      return { 'lm_grpo.tokens_per_s': f.tokens, 'lm_grpo.mfu': f.mfu };
    });
    log('node: lm_sampling.kv_cache_speedup (wasm)');
    await attempt([['lm_sampling.kv_cache_speedup', '×']], figures, log, async () => ({
      'lm_sampling.kv_cache_speedup': kvFigure(await run({ kind: 'kv-cache', backend: 'wasm', ...budget.kv }), WHERE),
    }));
    log('node: lm_train.prefix_grouper_speedup (wasm)');
    await attempt([['lm_train.prefix_grouper_speedup', '×'], ['lm_train.prefix_grouper_max_grad_diff', 'abs']], figures, log, async () => {
      const f = prefixFigures(await run({ kind: 'prefix-grouper', backend: 'wasm', ...budget.prefix }), WHERE);
      return { 'lm_train.prefix_grouper_speedup': f.speedup, 'lm_train.prefix_grouper_max_grad_diff': f.diff };
    });
  }
  if (only('memory')) {
    log(`node: memory.tensors_drift (wasm, ${DRIFT_PRESET}, ${budget.drift.late} updates)`);
    await attempt([['memory.tensors_drift', 'tensors']], figures, log, async () => ({
      'memory.tensors_drift': driftFigure(await run({ kind: 'tensors-drift', backend: 'wasm', config: presetConfig(DRIFT_PRESET), ...budget.drift }), DRIFT_PRESET, WHERE),
    }));
  }
  return figures;
}
