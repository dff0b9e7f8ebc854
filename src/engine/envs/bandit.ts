import type { Rng } from '../core/rng';
import type { Env } from './env';

/**
 * K-armed bandit for the first lesson: one step per episode, a constant observation, and a
 * reward drawn around the chosen arm's mean (Gaussian with the given noise; noise 0 = fixed).
 */
export class Bandit implements Env {
  readonly obsDim = 1;
  readonly nActions: number;
  private readonly state = new Float64Array(1);

  constructor(
    private readonly means: readonly number[],
    private readonly noise: number,
  ) {
    this.nActions = means.length;
  }

  reset(): Float64Array {
    this.state[0] = 0;
    return this.state.slice();
  }

  setState(state: Float64Array): void {
    this.state.set(state);
  }

  getState(): Float64Array {
    return this.state.slice();
  }

  observe(out: Float32Array, offset: number): void {
    out[offset] = 1;
  }

  step(action: number, rng: Rng): { reward: number; terminated: boolean } {
    const reward = this.means[action] + (this.noise > 0 ? this.noise * rng.normal() : 0);
    return { reward, terminated: true };
  }
}
