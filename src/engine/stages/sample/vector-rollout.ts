import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Env } from '../../envs/env';
import { assembleBatch, SequenceBuffer } from './sequence-buffer';
import { controlContext, sampleActions, type Sampler } from './sampler';

/**
 * PPO/A2C-style rollout: N environments stepped together for T steps with one batched policy
 * call per step; episodes continue across updates, and an env that finishes resets on the same
 * step (CleanRL's autoreset). Each episode fragment is one sequence.
 */
export const vectorRolloutSampler = defineModule({
  id: 'vector-rollout',
  stage: 'sample',
  label: 'Vector rollout (N envs × T steps)',
  explain: 'Steps N environments together for T steps per update; episodes carry over between updates.',
  formula: 'B = N \\cdot T \\text{ steps per update}',
  paper: PAPERS.ppo,
  schema: z.object({
    numEnvs: z.number().int().min(1).max(1024).default(4).describe('N: environments stepped together (CleanRL num_envs)'),
    numSteps: z.number().int().min(1).max(4096).default(128).describe('T: steps per environment per update (CleanRL num_steps)'),
  }),
  create: (p): Sampler => {
    let envs: Env[] = [];
    let epLen: Int32Array;
    let epRet: Float64Array;
    return {
      grouped: false,
      kind: 'control',
      async collect(ctx) {
        const { task, policy, rng } = controlContext(ctx);
        const n = p.numEnvs;
        const d = task.obsDim;
        if (envs.length === 0) {
          envs = Array.from({ length: n }, () => task.make());
          envs.forEach((e) => e.reset(rng));
          epLen = new Int32Array(n);
          epRet = new Float64Array(n);
        }
        const all: SequenceBuffer[] = [];
        const open = envs.map(() => {
          const b = new SequenceBuffer(-1);
          all.push(b);
          return b;
        });
        const finished: { ret: number; len: number }[] = [];
        const obs = new Float32Array(n * d);
        for (let t = 0; t < p.numSteps; t++) {
          envs.forEach((e, i) => e.observe(obs, i * d));
          const { logits, values } = await policy.act(obs, n);
          const { actions, logp, entropy } = sampleActions(logits, n, task.nActions, rng);
          const truncatedEnvs: number[] = [];
          for (let i = 0; i < n; i++) {
            const b = open[i];
            for (let j = 0; j < d; j++) b.obs.push(obs[i * d + j]);
            b.actions.push(actions[i]);
            b.logp.push(logp[i]);
            b.entropy.push(entropy[i]);
            if (values) b.values.push(values[i]);
            const { reward, terminated } = envs[i].step(actions[i], rng);
            b.rewards.push(reward);
            epLen[i] += 1;
            epRet[i] += reward;
            const truncated = !terminated && epLen[i] >= task.maxSteps;
            if (terminated || truncated) {
              b.terminated = terminated;
              b.truncated = truncated;
              if (truncated) truncatedEnvs.push(i);
              finished.push({ ret: epRet[i], len: epLen[i] });
            }
          }
          if (values && truncatedEnvs.length > 0) {
            truncatedEnvs.forEach((e, j) => envs[e].observe(obs, j * d));
            const boot = await policy.act(obs, truncatedEnvs.length);
            truncatedEnvs.forEach((e, j) => (open[e].bootstrapValue = boot.values![j]));
          }
          for (let i = 0; i < n; i++) {
            if (open[i].terminated || open[i].truncated) {
              envs[i].reset(rng);
              epLen[i] = 0;
              epRet[i] = 0;
              if (t < p.numSteps - 1) {
                open[i] = new SequenceBuffer(-1);
                all.push(open[i]);
              }
            }
          }
        }
        if (policy.critic) {
          // Fragments cut by the end of the batch bootstrap from V(next observation).
          envs.forEach((e, i) => e.observe(obs, i * d));
          const { values } = await policy.act(obs, n);
          open.forEach((b, i) => {
            if (!b.terminated && !b.truncated) b.bootstrapValue = values![i];
          });
        }
        return assembleBatch(all, d, task.nActions, policy.critic !== null, finished, n * p.numSteps);
      },
    };
  },
});
