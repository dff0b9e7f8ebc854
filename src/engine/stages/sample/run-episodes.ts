import type { Rng } from '../../core/rng';
import type { Env, ControlTaskSpec } from '../../envs/env';
import type { CategoricalMlpPolicy } from '../../policy/categorical-mlp';
import { sampleActions } from './sampler';
import { SequenceBuffer } from './sequence-buffer';

/**
 * Runs whole episodes in parallel, one per start state, with one batched policy call per step
 * over the episodes still running. Returns one finished SequenceBuffer per start state.
 */
export async function runEpisodes(
  task: ControlTaskSpec,
  envs: Env[],
  starts: Float64Array[],
  groups: number[],
  policy: CategoricalMlpPolicy,
  rng: Rng,
): Promise<SequenceBuffer[]> {
  const n = starts.length;
  const d = task.obsDim;
  const k = task.nActions;
  const buffers = groups.map((g) => new SequenceBuffer(g));
  starts.forEach((s, i) => envs[i].setState(s));
  let active = Array.from({ length: n }, (_, i) => i);
  const obs = new Float32Array(n * d);
  while (active.length > 0) {
    active.forEach((e, j) => envs[e].observe(obs, j * d));
    const m = active.length;
    const { logits, values } = await policy.act(obs, m);
    const { actions, logp, entropy } = sampleActions(logits, m, k, rng);
    const stillActive: number[] = [];
    const truncatedEnvs: number[] = [];
    active.forEach((e, j) => {
      const b = buffers[e];
      for (let i = 0; i < d; i++) b.obs.push(obs[j * d + i]);
      b.actions.push(actions[j]);
      b.logp.push(logp[j]);
      b.entropy.push(entropy[j]);
      if (values) b.values.push(values[j]);
      const { reward, terminated } = envs[e].step(actions[j], rng);
      b.rewards.push(reward);
      if (terminated) b.terminated = true;
      else if (b.length >= task.maxSteps) {
        b.truncated = true;
        truncatedEnvs.push(e);
      } else stillActive.push(e);
    });
    if (values && truncatedEnvs.length > 0) {
      // Value of the state after a time-limit cut, for estimators that bootstrap truncation.
      truncatedEnvs.forEach((e, j) => envs[e].observe(obs, j * d));
      const boot = await policy.act(obs, truncatedEnvs.length);
      truncatedEnvs.forEach((e, j) => (buffers[e].bootstrapValue = boot.values![j]));
    }
    active = stillActive;
  }
  return buffers;
}
