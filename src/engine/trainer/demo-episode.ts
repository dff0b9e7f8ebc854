import type { Rng } from '../core/rng';
import type { ControlTaskSpec } from '../envs/env';
import { categoricalRow, type CategoricalMlpPolicy } from '../policy/categorical-mlp';

/**
 * Plays one episode with the current policy for the environment view. It draws from its own
 * generator, never the run's, so watching a run does not change its curves.
 */
export async function demoEpisode(
  task: ControlTaskSpec,
  policy: CategoricalMlpPolicy,
  rng: Rng,
  maxSteps = task.maxSteps,
): Promise<{ states: number[]; stateDim: number; actions: number[]; startProbs: number[]; ret: number }> {
  const env = task.make();
  const first = env.reset(rng);
  const states = Array.from(first);
  const actions: number[] = [];
  const obs = new Float32Array(task.obsDim);
  const probs = new Float64Array(task.nActions);
  let startProbs: number[] = [];
  let ret = 0;
  for (let t = 0; t < maxSteps; t++) {
    env.observe(obs, 0);
    const { logits } = await policy.act(obs, 1);
    categoricalRow(logits, 0, task.nActions, probs);
    if (t === 0) startProbs = Array.from(probs);
    const a = rng.categorical(probs);
    const { reward, terminated } = env.step(a, rng);
    actions.push(a);
    ret += reward;
    states.push(...env.getState());
    if (terminated) break;
  }
  return { states, stateDim: first.length, actions, startProbs, ret };
}
