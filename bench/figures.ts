/** Figures: named numbers with a unit and a sentence saying how they were measured. */
import type { JobResult } from '../src/bench/jobs';
import type { KvCacheResult, LmGrpoResult, MatmulResult, PrefixGrouperResult, TensorsDriftResult } from '../src/bench/measures';
import type { TrainResult } from '../src/bench/bench-protocol';
import { median } from '../src/bench/measures';

export interface Figure {
  /** null: not measured here (the detail says why). */
  value: number | null;
  unit: string;
  detail: string;
}
export type Figures = Record<string, Figure>;

export interface Results {
  machine: Record<string, unknown>;
  date: string;
  suite: 'full' | 'smoke';
  wall_s: number;
  figures: Figures;
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toLocaleString('en-US') : String(x));

/** A figure that could not be measured in this run (an error, or not attempted by design). */
export function missing(unit: string, why: string): Figure {
  return { value: null, unit, detail: why };
}

export function matmulFigure(r: JobResult, where: string): Figure {
  const m = r.output.result as MatmulResult;
  const adapter = r.backend.adapter ? `; adapter: ${r.backend.adapter}` : '';
  return {
    value: m.gflops,
    unit: 'GFLOP/s',
    detail: `${m.size}×${m.size} fp32 matmul on ${m.backend}, ${where}: median of ${m.reps} (${fmt(m.msPerMatmul)} ms each, result read back)${adapter}`,
  };
}

export function lmGrpoFigures(r: JobResult, peakName: string, peak: Figure | undefined, preset: string, warmup: number, where: string): { tokens: Figure; mfu: Figure } {
  const g = r.output.result as LmGrpoResult;
  const t = g.transformer;
  const model = `${g.params.toLocaleString('en-US')} params (${t.layers} layers, d ${t.dModel}, ${t.heads} heads, context ${t.context})`;
  const tokens: Figure = {
    value: g.tokensPerS,
    unit: 'tokens/s',
    detail:
      `${preset} on ${g.backend}, ${where}: ${model}, Q ${g.prompts} prompts × G ${g.groupSize}; ` +
      `${fmt(g.tokensPerUpdate)} sampled tokens per update, each trained on; ${fmt(g.msPerUpdate)} ms per update ` +
      `(sampling ${fmt(g.msSamplePerUpdate)}, the rest ${fmt(g.msTrainPerUpdate)}), mean of ${g.updates} updates after ${warmup} warm-up`,
  };
  const flopsPerS = g.trainFlopsPerS;
  const mfu: Figure =
    peak?.value
      ? {
          value: flopsPerS / (peak.value * 1e9),
          unit: 'ratio',
          detail:
            `training part of the update (everything but sampling): ${fmt(g.trainFlopsPerUpdate / 1e9)} GFLOP in ${fmt(g.msTrainPerUpdate)} ms = ` +
            `${fmt(flopsPerS / 1e9)} GFLOP/s ÷ ${peakName} ${fmt(peak.value)}. FLOPs counted analytically per forward position: ` +
            `2·N (N = ${g.params} params, embeddings included: the gathers are one-hot matmuls) + 4·layers·d·keys (QKᵀ and att·V over every masked key); ` +
            `forward+backward = 3× that (≈ 6·N·tokens + attention)${g.reference ? ', plus one forward of the KL reference model' : ''}; ` +
            `${fmt(g.trainPositionsPerUpdate)} positions per update (${g.prefixMode}: each group's prompt once, completions padded to the longest); ` +
            `softmax, layer norms, the optimiser and the one-hot pick of taken tokens are not counted`,
        }
      : missing('ratio', `no ${peakName} figure to divide by`);
  return { tokens, mfu };
}

export function kvFigure(r: JobResult, where: string): Figure {
  const k = r.output.result as KvCacheResult;
  return {
    value: k.speedup,
    unit: '×',
    detail:
      `sampleWithKvCache vs a full causal forward over the whole sequence every step, ${k.backend}, ${where}: default tiny transformer (random weights), ` +
      `${k.rows} rows, ${k.promptLength}-token prompt + ${k.newTokens} sampled tokens = length ${k.promptLength + k.newTokens}; ` +
      `${fmt(k.msKv)} vs ${fmt(k.msRecompute)} ms, median of ${k.reps}; both draw the same tokens on ${fmt(100 * k.tokenAgreement, 4)}% of steps (same uniforms)`,
  };
}

export function prefixFigures(r: JobResult, where: string): { speedup: Figure; diff: Figure } {
  const p = r.output.result as PrefixGrouperResult;
  const shape = `Q ${p.prompts} prompts × G ${p.groupSize}, prompt ${p.promptLength} : completion ${p.completionLength} tokens`;
  return {
    speedup: {
      value: p.speedup,
      unit: '×',
      detail:
        `completionLogits 'shared-prefix' vs 'plain', forward+backward of the completions' log-likelihood w.r.t. every parameter, ${p.backend}, ${where}: ` +
        `default tiny transformer, ${shape}; ${fmt(p.msPlain)} vs ${fmt(p.msShared)} ms, median of ${p.reps}; ` +
        `max |Δlogits| ${p.maxLogitDiff.toExponential(2)}, max |Δgrad| ${p.maxGradDiff.toExponential(2)} (relative ${p.relGradDiff.toExponential(2)})`,
    },
    diff: {
      value: p.maxGradDiff,
      unit: 'abs',
      detail:
        `max |∂L/∂θ plain − ∂L/∂θ shared-prefix| over every parameter's gradient on ${p.backend}, ${where} (${shape}); relative to max |∂L/∂θ|: ${p.relGradDiff.toExponential(2)}; ` +
        `forward: max |Δlogits| ${p.maxLogitDiff.toExponential(2)}, loss ${fmt(p.lossPlain, 6)} vs ${fmt(p.lossShared, 6)}`,
    },
  };
}

export function driftFigure(r: JobResult, preset: string, where: string): Figure {
  const d = r.output.result as TensorsDriftResult;
  return {
    value: d.drift,
    unit: 'tensors',
    detail:
      `tf.memory().numTensors after update ${d.late} (${d.tensorsLate}) minus after update ${d.early} (${d.tensorsEarly}), one ${preset} run on ${d.backend}, ${where}; ` +
      `bytes ${d.bytesDrift >= 0 ? '+' : ''}${d.bytesDrift}; ${fmt(d.msPerUpdate)} ms per update`,
  };
}

/** cartpole-ppo until the threshold, one run per seed: median wall-clock seconds and env steps. */
export function solveFigures(runs: { seed: number; result: TrainResult }[], threshold: number, where: string): { seconds: Figure; steps: Figure } {
  const per = runs.map(({ seed, result }) => {
    const s = result.solved;
    return s
      ? `seed ${seed}: ${fmt(s.wall_s)} s, ${s.env_steps.toLocaleString('en-US')} steps (update ${s.step})`
      : `seed ${seed}: not solved (${result.status}${result.error ? `: ${result.error}` : ''}, ${result.rows.length} updates in ${fmt(result.ms / 1000)} s)`;
  });
  // An unsolved seed counts as infinitely slow: the median is still honest when one of three fails.
  const secs = median(runs.map((r) => r.result.solved?.wall_s ?? Infinity));
  const steps = median(runs.map((r) => r.result.solved?.env_steps ?? Infinity));
  const backend = runs[0]?.result.backend?.name ?? '?';
  const how =
    `cartpole-ppo on ${backend}, ${where} (the lab's run worker, flat out), until episode/return_mean ≥ ${threshold}; ` +
    `median of ${runs.length} seed${runs.length > 1 ? 's' : ''}; the clock is the trainer's wall_s (from the trainer's creation, after the backend started)`;
  return {
    seconds: Number.isFinite(secs) ? { value: secs, unit: 's', detail: `${how}. ${per.join('; ')}` } : missing('s', `${how}: no median (${per.join('; ')})`),
    steps: Number.isFinite(steps) ? { value: steps, unit: 'env steps', detail: `${how}. ${per.join('; ')}` } : missing('env steps', `${how}: no median`),
  };
}

/** PPO training throughput from the rows of one run, after its warm-up updates. */
export function throughputFigure(result: TrainResult, warmup: number, shape: { numEnvs: number; numSteps: number; epochs: number }, where: string): Figure {
  const rows = result.rows;
  // With no warm-up the clock starts at the trainer's creation (first-update compilation included).
  const a = warmup > 0 ? rows.find((r) => r.step >= warmup) : { step: 0, wall_s: 0, env_steps: 0, return_mean: NaN };
  const b = rows[rows.length - 1];
  const backend = result.backend?.name ?? '?';
  if (!a || !b || b.step <= a.step) {
    return missing('env steps/s', `failed: too few updates (${rows.length}; ${result.status}${result.error ? `: ${result.error}` : ''})`);
  }
  const value = (b.env_steps - a.env_steps) / (b.wall_s - a.wall_s);
  return {
    value,
    unit: 'env steps/s',
    detail:
      `PPO (cartpole-ppo with ${shape.numEnvs} envs × ${shape.numSteps} steps per update, ${shape.epochs} epochs) on ${backend}, ${where} (the lab's run worker, flat out): ` +
      `${(b.env_steps - a.env_steps).toLocaleString('en-US')} env steps from update ${a.step} to ${b.step} in ${fmt(b.wall_s - a.wall_s)} s, sampling and training` +
      (warmup > 0 ? '' : ' (no warm-up: kernel compilation included)'),
  };
}
