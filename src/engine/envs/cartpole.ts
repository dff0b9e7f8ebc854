import type { Rng } from '../core/rng';
import type { Env } from './env';

/**
 * CartPole-v1 exactly as Gymnasium defines it (classic_control/cartpole.py): Euler integration
 * with the old velocities, termination on |x| > 2.4 or |θ| > 12°, +1 reward on every step
 * (including the terminating one), reset uniform in ±0.05. Truncation at 500 is the vector env's
 * TimeLimit, not the env's.
 */
export const CARTPOLE = {
  gravity: 9.8,
  massCart: 1.0,
  massPole: 0.1,
  totalMass: 1.1,
  length: 0.5,
  poleMassLength: 0.05,
  forceMag: 10.0,
  tau: 0.02,
  thetaThreshold: (12 * 2 * Math.PI) / 360,
  xThreshold: 2.4,
} as const;

export class CartPole implements Env {
  readonly obsDim = 4;
  readonly nActions = 2;
  private s = new Float64Array(4);

  reset(rng: Rng): Float64Array {
    for (let i = 0; i < 4; i++) this.s[i] = rng.uniform(-0.05, 0.05);
    return this.s.slice();
  }

  setState(state: Float64Array): void {
    this.s.set(state);
  }

  getState(): Float64Array {
    return this.s.slice();
  }

  observe(out: Float32Array, offset: number): void {
    for (let i = 0; i < 4; i++) out[offset + i] = this.s[i];
  }

  step(action: number): { reward: number; terminated: boolean } {
    const c = CARTPOLE;
    const [x, xDot, theta, thetaDot] = this.s;
    const force = action === 1 ? c.forceMag : -c.forceMag;
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    const temp = (force + c.poleMassLength * thetaDot * thetaDot * sin) / c.totalMass;
    const thetaAcc =
      (c.gravity * sin - cos * temp) /
      (c.length * (4.0 / 3.0 - (c.massPole * cos * cos) / c.totalMass));
    const xAcc = temp - (c.poleMassLength * thetaAcc * cos) / c.totalMass;
    this.s[0] = x + c.tau * xDot;
    this.s[1] = xDot + c.tau * xAcc;
    this.s[2] = theta + c.tau * thetaDot;
    this.s[3] = thetaDot + c.tau * thetaAcc;
    const terminated =
      this.s[0] < -c.xThreshold ||
      this.s[0] > c.xThreshold ||
      this.s[2] < -c.thetaThreshold ||
      this.s[2] > c.thetaThreshold;
    return { reward: 1.0, terminated };
  }
}
