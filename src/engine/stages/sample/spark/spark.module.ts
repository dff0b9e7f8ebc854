import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { concatBatches } from '../../../core/concat-batches';
import { meanStd } from '../../advantage/group-stats';
import { assembleLanguageBatch, groupPromptsSampler, makeGroupPromptsSampler } from '../group-prompts';
import { languageContext, type Sampler } from '../sampler';
import { drawJudgments, scoredRollouts } from './draw-judgments';
import { JUDGE_NO, JUDGE_YES, auxGroupCount, judgeContextNeed, pickJudgedRollouts } from './judge-prompts';
import { SPARK_PAPER } from './papers';

const sparkSchema = groupPromptsSampler.schema.extend({
  auxFraction: z
    .number()
    .min(0)
    .max(4)
    .default(0.25)
    .describe('φ: judge groups per task group, round(φ·Q) per update (lab choice 0.25; the paper gives no value)'),
  balance: z
    .boolean()
    .default(true)
    .describe('Judge as many correct as wrong rollouts where the batch has both (lab choice)'),
});

export type SparkParams = z.output<typeof sparkSchema>;

/**
 * SPARK (Liu et al. 2025; algorithms-llm.md §26.1, a reconstruction): after the task groups are
 * drawn and verified, round(φ·Q) of their rollouts become pointwise judge prompts for the same
 * model; G one-token verdicts per prompt are rewarded by agreement with the verifier and trained
 * as ordinary groups beside the task's. Pairwise and reflection prompts are left out.
 */
export function makeSparkSampler(p: SparkParams): Sampler & { metrics(): Record<string, number> } {
  const { auxFraction, balance, ...groupParams } = p;
  const taskSampler = makeGroupPromptsSampler(groupParams);
  let last: Record<string, number> = {};
  return {
    grouped: true,
    metrics: () => last,
    async collect(ctx) {
      const { task, policy, rng } = languageContext(ctx);
      const need = judgeContextNeed(task.maxPromptLength, task.maxCompletionLength);
      const context = policy.model.config.context;
      if (need > context) {
        throw new Error(
          `spark: judge prompts of task "${task.id}" (prompt ${task.maxPromptLength} + answer ${task.maxCompletionLength} + "?", ` +
            `scored over ${task.maxCompletionLength} steps) need a context of ${need} tokens, the policy has ${context}: ` +
            'use a shorter task or a larger transformer context',
        );
      }
      const taskBatch = await taskSampler.collect(ctx);
      const taskGroups = new Set(taskBatch.seqs.map((s) => s.group)).size;
      const rollouts = scoredRollouts(task, taskBatch);
      const picked = pickJudgedRollouts(rollouts.map((r) => r.correct), auxGroupCount(taskGroups, auxFraction), balance, rng).map((i) => rollouts[i]);
      const taskReward = meanStd(taskBatch.seqs.map((s) => s.reward)).mean;
      if (picked.length === 0) {
        last = { 'spark/aux_frac': 0, 'spark/task_reward': taskReward };
        return taskBatch;
      }
      const judged = await drawJudgments(policy, picked, p.groupSize, p, rng);
      const judgeBatch = assembleLanguageBatch(judged.groups, task.maxCompletionLength, policy.model.vocabSize, judged.sampledTokens, 0);
      // A verdict is complete after its one token; it was not cut off.
      for (const s of judgeBatch.seqs) {
        s.terminated = true;
        s.truncated = false;
      }
      const verdicts = Array.from(judgeBatch.actions);
      last = {
        'spark/judge_acc': meanStd(judgeBatch.seqs.map((s) => s.reward)).mean,
        'spark/judge_valid': verdicts.filter((t) => t === JUDGE_YES || t === JUDGE_NO).length / verdicts.length,
        'spark/aux_frac': picked.length / (taskGroups + picked.length),
        'spark/task_reward': taskReward,
      };
      return concatBatches([taskBatch, judgeBatch]);
    },
  };
}

export const sparkSampler = defineModule({
  id: 'spark',
  stage: 'sample',
  label: 'SPARK: the policy judges its rollouts',
  explain:
    'Approximation of SPARK (pointwise only): besides the GRPO groups, φ·Q groups ask the same model whether one of its verified answers is right ("q answer ?" → y / n), rewarded when it agrees with the verifier.',
  formula:
    'x^{J}_j = (q_j,\\, o_j,\\, \\texttt{?}),\\quad v_{1..G} \\sim \\pi_\\theta(\\cdot \\mid x^{J}_j),\\quad R(v) = \\mathbb{1}\\big[v = (\\texttt{y} \\text{ if } o_j \\text{ correct else } \\texttt{n})\\big],\\quad \\#J = \\mathrm{round}(\\varphi Q)',
  paper: SPARK_PAPER,
  schema: sparkSchema,
  create: (p) => makeSparkSampler(p),
});
