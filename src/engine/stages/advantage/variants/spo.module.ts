import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { broadcastToSteps, type AdvantageEstimator } from '../advantage';
import { meanStd } from '../group-stats';
import { isSuccess, promptKeys, startStateGridParam, successThresholdParam, type PersistentState } from './outcome';
import { VARIANT_PAPERS } from './papers';

/**
 * SPO's KL-adaptive forgetting factor (verl recipe/spo `_get_spo_rho`; algorithms-llm.md §5):
 * ρ = clip(2^(−D/D_half), ρ_min, ρ_max), D the mean |Δ log p| of the prompt's stored response
 * between its previous visit and now (D = 0 on a first visit, so ρ = ρ_max).
 */
export function spoRho(d: number, dHalf: number, rhoMin: number, rhoMax: number): number {
  return Math.min(Math.max(2 ** (-d / dHalf), rhoMin), rhoMax);
}

/**
 * The tracker's initial Beta from n₀ offline samples with s successes: N_init = 1/(1 − ρ_min),
 * α₀ = N_init (s + 0.5)/(n₀ + 1), β₀ = N_init (n₀ − s + 0.5)/(n₀ + 1); n₀ = 0 gives 0.5 / 0.5.
 */
export function spoOfflineInit(n0: number, successes: number, rhoMin: number): { alpha: number; beta: number } {
  if (n0 === 0) return { alpha: 0.5, beta: 0.5 };
  const nInit = 1 / (1 - rhoMin);
  return { alpha: (nInit * (successes + 0.5)) / (n0 + 1), beta: (nInit * (n0 - successes + 0.5)) / (n0 + 1) };
}

/** One tracker update after a visit: α ← ρα + Σ R, β ← ρβ + Σ (1 − R). */
export function spoTrackerUpdate(t: { alpha: number; beta: number }, rho: number, successes: number[]): { alpha: number; beta: number } {
  const s = successes.reduce((a, b) => a + b, 0);
  return { alpha: rho * t.alpha + s, beta: rho * t.beta + (successes.length - s) };
}

/** (A − mean_B A) / (std_B A + ε), unbiased std over the sequences of the batch. */
export function globalNormalise(xs: Float64Array, eps: number): Float64Array {
  const { mean, std } = meanStd(xs);
  return xs.map((x) => (x - mean) / (std + eps));
}

export type SpoState = Record<string, [alpha: number, beta: number]>;

export const spoAdvantage = defineModule({
  id: 'spo',
  stage: 'advantage',
  label: 'SPO tracker baseline',
  explain:
    'A per-prompt Beta(α, β) tracker of the success rate, kept across updates, is the baseline; advantages are normalised over the whole batch.',
  formula:
    'A_i = R_i - \\frac{\\alpha(x_i)}{\\alpha(x_i) + \\beta(x_i)},\\; A \\leftarrow \\frac{A - \\mathrm{mean}_B A}{\\mathrm{std}_B A + \\epsilon};\\; \\alpha \\leftarrow \\rho\\alpha + R,\\; \\beta \\leftarrow \\rho\\beta + 1 - R',
  paper: VARIANT_PAPERS.spo,
  schema: z.object({
    rho: z
      .number()
      .min(0)
      .max(1)
      .default(0.875)
      .describe("ρ: the tracker's forgetting factor per visit (SPO's constant-ρ mode, 0.875 = rho_min); the KL-adaptive ρ needs the policy after the update"),
    priorAlpha: z.number().gt(0).max(1e6).default(0.5).describe('α₀ of a prompt seen for the first time (SPO with no offline samples: 0.5)'),
    priorBeta: z.number().gt(0).max(1e6).default(0.5).describe('β₀ of a prompt seen for the first time (0.5)'),
    normalise: z.boolean().default(true).describe('Standardise the advantages over the whole batch (SPO global normalisation)'),
    epsilon: z.number().min(0).max(1).default(1e-8).describe('Added to the batch std'),
    successThreshold: successThresholdParam,
    startStateGrid: startStateGridParam,
  }),
  create: (p): AdvantageEstimator & PersistentState<SpoState> => {
    // Per-prompt tracker, kept for the whole run.
    const table = new Map<string, { alpha: number; beta: number }>();
    return {
      needsCritic: false,
      needsGroups: false,
      compute(batch) {
        const keys = promptKeys(batch, p.startStateGrid);
        const success = batch.seqs.map((s) => (isSuccess(s.reward, p.successThreshold) ? 1 : 0));
        const raw = new Float64Array(batch.seqs.length);
        const byKey = new Map<string, number[]>();
        keys.forEach((k, i) => {
          const list = byKey.get(k);
          if (list) list.push(i);
          else byKey.set(k, [i]);
        });
        // Baselines are read before the tracker sees this batch's outcomes.
        for (const [k, idx] of byKey) {
          const t = table.get(k) ?? { alpha: p.priorAlpha, beta: p.priorBeta };
          const pHat = t.alpha / (t.alpha + t.beta);
          idx.forEach((i) => (raw[i] = success[i] - pHat));
          table.set(k, spoTrackerUpdate(t, p.rho, idx.map((i) => success[i])));
        }
        const adv = p.normalise ? globalNormalise(raw, p.epsilon) : raw;
        return { advantages: broadcastToSteps(batch, adv), returns: null };
      },
      saveState: () => Object.fromEntries([...table].map(([k, t]) => [k, [t.alpha, t.beta]])),
      loadState(state) {
        table.clear();
        for (const [k, [alpha, beta]] of Object.entries(state)) table.set(k, { alpha, beta });
      },
    };
  },
});
