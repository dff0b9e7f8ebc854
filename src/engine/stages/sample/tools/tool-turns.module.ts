import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import { assembleLanguageBatch, collectRounds, groupPromptsSampler, type DrawnGroup } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { TOOL_PAPERS } from './papers';
import { DEFAULT_MAX_TURNS, toolOf } from './task-tools';
import { rollOutWithTools, type ToolGroup } from './tool-rollout';
import { toolLossMask } from './void-turn-mask';

export const toolTurnsSchema = groupPromptsSampler.schema.extend({
  maxTurns: z
    .number()
    .int()
    .min(1)
    .max(8)
    .default(DEFAULT_MAX_TURNS)
    .describe('Most model turns per transcript (SimpleTIR max_turns, set per task; 3 fits a calc transcript in 32 tokens)'),
  maskVoidTurns: z
    .boolean()
    .default(true)
    .describe('SimpleTIR mask_void_turns (default true): no gradient for a trajectory with a turn that neither calls the tool nor answers'),
  maskToolOutput: z.boolean().default(true).describe('No gradient on tool-output tokens (SimpleTIR masks them: default true)'),
});

export type ToolTurnsParams = z.output<typeof toolTurnsSchema>;

/** Per-update numbers SimpleTIR logs (env/void_turn_ratio, turns_stats, use_code_stats). */
export function toolTurnMetrics(groups: readonly ToolGroup[]): Record<string, number> {
  const transcripts = groups.flatMap((g) => g.transcripts);
  const n = Math.max(1, transcripts.length);
  const count = (pred: (t: (typeof transcripts)[number]) => number) => transcripts.reduce((a, t) => a + pred(t), 0) / n;
  return {
    'tools/void_turn_ratio': count((t) => (t.turns.some((u) => u.kind === 'void') ? 1 : 0)),
    'tools/turns_mean': count((t) => t.turns.length),
    'tools/calls_mean': count((t) => t.turns.filter((u) => u.kind === 'call').length),
  };
}

/** Transcripts as the batch assembler takes them, with SimpleTIR's loss mask on each. */
export function toDrawnGroups(groups: readonly ToolGroup[], p: Pick<ToolTurnsParams, 'maskVoidTurns' | 'maskToolOutput'>): DrawnGroup[] {
  return groups.map((g) => ({
    example: g.example,
    rewards: g.rewards,
    rows: g.transcripts.map((t) => ({
      tokens: t.tokens,
      logp: t.logp,
      entropy: t.entropy,
      length: t.length,
      forced: t.forced,
      lossMask: toolLossMask(t.length, t.forced, t.turns, p),
    })),
  }));
}

/**
 * SimpleTIR (algorithms-llm.md §21): multi-turn tool rollouts, tool output masked, and every
 * trajectory with a void turn masked out of the loss while its reward still counts in its group.
 */
export const toolTurnsSampler = defineModule({
  id: 'tool-turns',
  stage: 'sample',
  label: 'Tool turns (SimpleTIR)',
  explain:
    'Multi-turn rollouts: the model calls the task’s tool, its output is appended (masked), the model goes on; trajectories with a void turn (no call, no answer) get no gradient.',
  formula:
    'm_{i,t} \\leftarrow m_{i,t}\\cdot \\mathbb{1}[t \\notin \\text{tool output}]\\cdot \\prod_{k} \\mathbb{1}[\\text{turn}_{i,k} \\text{ calls or answers}],\\quad A_i = \\frac{R_i - \\mathrm{mean}(R_{1..G})}{\\mathrm{std}(R_{1..G})}',
  paper: TOOL_PAPERS.simpleTir,
  schema: toolTurnsSchema,
  create: (p): Sampler & { metrics(): Record<string, number> } => {
    let last: Record<string, number> = {};
    return {
      grouped: true,
      kind: 'language',
      metrics: () => last,
      async collect(ctx): Promise<Batch> {
        const { task, policy, rng } = languageContext(ctx);
        const tool = toolOf(task.id);
        if (!tool) throw new Error(`tool-turns needs a task with a tool (calc); "${task.id}" has none`);
        // DAPO dynamic sampling (SimpleTIR oversamples) when switched on.
        const { groups, sampledTokens, rounds } = await collectRounds(p, () => {
          const examples = Array.from({ length: p.prompts }, () => task.sample(rng));
          return rollOutWithTools(task, tool, policy, examples, new Array<number>(p.prompts).fill(p.groupSize), p, rng, p.maxTurns);
        });
        last = toolTurnMetrics(groups);
        return assembleLanguageBatch(toDrawnGroups(groups, p), task.maxCompletionLength, policy.model.vocabSize, sampledTokens, rounds);
      },
    };
  },
});
