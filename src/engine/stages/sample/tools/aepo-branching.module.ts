import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { WEIGHT_PAPERS } from '../../weight/modules/papers';
import { assembleLanguageBatch, collectRounds, type DrawnGroup } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { branchPoints, branchProbability, globalSampleCount, preMonitor, rollOutBranches, rootEntropy, type AepoTranscript, type BranchSeed } from './aepo-branching';
import { toolOf, type TaskTool } from './task-tools';
import { rollOutWithTools, type ToolGroup } from './tool-rollout';
import { toolTurnMetrics, toolTurnsSchema } from './tool-turns.module';
import { toolLossMask } from './void-turn-mask';

export const aepoBranchingSchema = toolTurnsSchema.extend({
  beta: z.number().min(0).max(20).default(0.5).describe('β of the pre-monitor m = k·σ(β·(H_root − H̄_tool)) (fork code: 0.5)'),
  entropyWeight: z.number().min(0).max(5).default(0.2).describe('w: weight of ΔH in the branch probability (AEPO entropy_weight 0.2)'),
  branchThreshold: z.number().min(0).max(1).default(0.5).describe('τ: branch when p_branch ≥ τ (ARPO/AEPO 0.5)'),
});

export type AepoBranchingParams = z.output<typeof aepoBranchingSchema>;

/** One prompt's k transcripts (globals, branches, leftover globals) and its pre-monitor numbers. */
export interface AepoGroup extends ToolGroup {
  transcripts: AepoTranscript[];
  globals: number;
  branches: number;
  hRoot: number;
  hTool: number;
}

const asAepo = (ts: ToolGroup['transcripts']): AepoTranscript[] => ts.map((t) => ({ ...t, copied: 0 }));

/**
 * One round of AEPO's entropy-balanced rollout for Q prompts with a budget of k each:
 * 1. probe: one global rollout per prompt; its entropies give H_root, H̄_tool and m;
 * 2. the other m − 1 global rollouts;
 * 3. branching rounds: at every answered tool call of the newest transcripts (globals first, then
 *    the branches they spawned), draw U and branch if p_branch ≥ τ, until k − m branches;
 * 4. leftover budget goes to more global rollouts, so every prompt ends with exactly k transcripts.
 */
export async function aepoRound(
  task: LanguageTaskSpec,
  tool: TaskTool,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  p: AepoBranchingParams,
  rng: Rng,
): Promise<{ groups: AepoGroup[]; sampledTokens: number }> {
  const k = p.groupSize;
  const Q = examples.length;
  const logV = Math.log(policy.model.vocabSize);
  let sampledTokens = 0;
  const probe = await rollOutWithTools(task, tool, policy, examples, new Array<number>(Q).fill(1), p, rng, p.maxTurns);
  sampledTokens += probe.sampledTokens;
  const monitor = probe.groups.map((g) => preMonitor(g.transcripts[0], logV));
  const m = monitor.map(({ hRoot, hTool }) => globalSampleCount(k, hRoot, hTool, p.beta));
  const rest = await rollOutWithTools(task, tool, policy, examples, m.map((x) => x - 1), p, rng, p.maxTurns);
  sampledTokens += rest.sampledTokens;
  const rows: AepoTranscript[][] = examples.map((_, q) => [...asAepo(probe.groups[q].transcripts), ...asAepo(rest.groups[q].transcripts)]);
  const taken = new Array<number>(Q).fill(0);
  let frontier = rows.map((r) => [...r]);
  while (frontier.some((f) => f.length > 0)) {
    const seeds: (BranchSeed & { q: number })[] = [];
    frontier.forEach((ts, q) => {
      for (const t of ts) {
        const h0 = rootEntropy(t, logV);
        for (const point of branchPoints(t, logV)) {
          if (point.prefixLength <= t.copied) continue; // only tool calls this transcript sampled itself
          if (taken[q] >= k - m[q]) return;
          const u = rng.next();
          if (branchProbability(u, p.entropyWeight, point.entropy - h0, taken[q]) >= p.branchThreshold) {
            seeds.push({ q, prompt: examples[q].prompt, parent: t, point });
            taken[q] += 1;
          }
        }
      }
    });
    if (seeds.length === 0) break;
    const drawn = await rollOutBranches(task, tool, policy, seeds, p, rng, p.maxTurns);
    sampledTokens += drawn.sampledTokens;
    frontier = examples.map(() => []);
    drawn.transcripts.forEach((t, i) => {
      rows[seeds[i].q].push(t);
      frontier[seeds[i].q].push(t);
    });
  }
  const extra = await rollOutWithTools(task, tool, policy, examples, m.map((x, q) => k - x - taken[q]), p, rng, p.maxTurns);
  sampledTokens += extra.sampledTokens;
  const groups = examples.map((example, q): AepoGroup => {
    const transcripts = [...rows[q], ...asAepo(extra.groups[q].transcripts)];
    const rewards = transcripts.map((t) => task.reward(example, Array.from(t.tokens.subarray(0, t.length))));
    return { example, rewards, transcripts, globals: m[q], branches: taken[q], ...monitor[q] };
  });
  return { groups, sampledTokens };
}

/** SimpleTIR's mask on every transcript, and no gradient on the prefix a branch copied from its parent. */
export function aepoDrawnGroups(groups: readonly AepoGroup[], p: Pick<AepoBranchingParams, 'maskVoidTurns' | 'maskToolOutput'>): DrawnGroup[] {
  return groups.map((g) => ({
    example: g.example,
    rewards: g.rewards,
    rows: g.transcripts.map((t) => {
      const lossMask = toolLossMask(t.length, t.forced, t.turns, p);
      lossMask.fill(0, 0, t.copied);
      return { tokens: t.tokens, logp: t.logp, entropy: t.entropy, length: t.length, forced: t.forced, lossMask };
    }),
  }));
}

/** aepo/global_frac (m/k), branches per prompt (mean and max: collapse shows as a high max), pre-monitor entropies. */
export function aepoMetrics(groups: readonly AepoGroup[], k: number): Record<string, number> {
  const n = Math.max(1, groups.length);
  const mean = (f: (g: AepoGroup) => number) => groups.reduce((a, g) => a + f(g), 0) / n;
  return {
    'aepo/global_frac': mean((g) => g.globals / k),
    'aepo/branches_mean': mean((g) => g.branches),
    'aepo/branch_max': groups.reduce((a, g) => Math.max(a, g.branches), 0),
    'aepo/h_root': mean((g) => g.hRoot),
    'aepo/h_tool': mean((g) => g.hTool),
  };
}

/**
 * Agentic AEPO's entropy-balanced rollout (algorithms-llm.md §11) on SimpleTIR's tool sampler
 * (§21): the budget k per prompt is split between global rollouts and branches by entropy
 * pre-monitoring, and branching after tool calls is penalised when it repeats.
 */
export const aepoBranchingSampler = defineModule({
  id: 'aepo-branching',
  stage: 'sample',
  label: 'Entropy-balanced branching (Agentic AEPO)',
  explain:
    "Approximation of Agentic AEPO's entropy-balanced rollout: budget k = G transcripts per prompt. Entropies are per-step entropies of the temperature-scaled model distribution divided by log|V|. " +
    'Pre-monitoring: one probe rollout per prompt gives H_root = entropy of its first sampled token (the prompt’s next-token entropy, the same for every rollout of the prompt) and H̄_tool = mean entropy of the first model token after each tool output of the probe (H_root if it made no answered call); ' +
    'm = min(k, max(1, ⌊k·σ(β(H_root − H̄_tool))⌋ + 1)) global rollouts, the probe included. ' +
    'Branching: at each answered tool call a transcript sampled itself, ΔH = H_t − H_initial (H_t: first model token after the output; H_initial: the transcript’s first token), U ~ U(0,1) from the run’s generator, p = clip((U + wΔH)·max(0, 1 − 0.05·l), 0, 1); if p ≥ τ the transcript up to and including the tool output is copied as forced tokens and the rest re-sampled (one copy, beam 2), l = branches so far for the prompt, until k − m branches. Branches may branch again at their own later calls. ' +
    'Unspent budget goes to more global rollouts, so every group has exactly k transcripts. A branch’s copied prefix gets no gradient (it is trained once, in its parent); tool output is masked and void-turn trajectories masked as in SimpleTIR.',
  formula:
    'm = \\min\\!\\big(k, \\max(1, \\lfloor k\\,\\sigma(\\beta(H_{root} - \\bar H_{tool}))\\rfloor + 1)\\big),\\quad p_{branch} = \\mathrm{clip}\\big((U + w\\,\\Delta H)\\cdot\\max(0, 1 - 0.05\\,l), 0, 1\\big)',
  paper: WEIGHT_PAPERS.agenticAepo,
  schema: aepoBranchingSchema,
  create: (p): Sampler & { metrics(): Record<string, number> } => {
    let last: Record<string, number> = {};
    return {
      grouped: true,
      kind: 'language',
      metrics: () => last,
      async collect(ctx): Promise<Batch> {
        const { task, policy, rng } = languageContext(ctx);
        const tool = toolOf(task.id);
        if (!tool) throw new Error(`aepo-branching needs a task with a tool (calc); "${task.id}" has none`);
        const { groups, sampledTokens, rounds } = await collectRounds(p, () => {
          const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
          return aepoRound(task, tool, policy, examples, p, rng);
        });
        last = { ...toolTurnMetrics(groups), ...aepoMetrics(groups, p.groupSize) };
        return assembleLanguageBatch(aepoDrawnGroups(groups, p), task.maxCompletionLength, policy.model.vocabSize, sampledTokens, rounds);
      },
    };
  },
});
