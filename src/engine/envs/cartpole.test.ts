import { describe, expect, it } from 'vitest';
import { CartPole } from './cartpole';
import { Rng } from '../core/rng';

// Expected states worked from Gymnasium's cartpole.py equations (Euler, old velocities) in
// float64 by an independent python3 script.
const EXPECTED = [
  [0.009600000000000001, 0.17467919574755525, 0.030799999999999998, -0.2430687179600081],
  [0.013093583914951107, 0.3693479760579556, 0.025938625640799837, -0.5258796280501483],
  [0.02048054343611022, 0.17387081260481596, 0.01542103307979687, -0.22513741609237464],
  [0.02395795968820654, 0.3687690101747617, 0.010918284757949377, -0.5129163478026587],
  [0.03133333989170178, 0.17349499275068458, 0.0006599578018962032, -0.21681286835696195],
  [0.03480323974671547, -0.021636386741578473, -0.0036762995652430356, 0.07607816471983775],
  [0.034370512011883896, 0.17353807374944197, -0.0021547362708462803, -0.21776237729324466],
  [0.03784127348687273, 0.3686907609605089, -0.006509983816711174, -0.5111242205294209],
  [0.04521508870608291, 0.5639038076688638, -0.016732468227299593, -0.8058515075068],
  [0.05649316485946018, 0.36901517137137, -0.032849498377435594, -0.5184785912499668],
];

describe('CartPole-v1 dynamics', () => {
  it('follows Gymnasium equations for a fixed action sequence from a fixed start', () => {
    const env = new CartPole();
    env.setState(Float64Array.from([0.01, -0.02, 0.03, 0.04]));
    const actions = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0];
    actions.forEach((a, t) => {
      const { reward, terminated } = env.step(a);
      expect(reward).toBe(1);
      expect(terminated).toBe(false);
      const s = env.getState();
      for (let i = 0; i < 4; i++) expect(s[i]).toBeCloseTo(EXPECTED[t][i], 14);
    });
  });

  it('terminates when the pole passes 12 degrees, still paying +1 on that step', () => {
    const env = new CartPole();
    env.setState(new Float64Array(4));
    let steps = 0;
    let last = { reward: 0, terminated: false };
    while (!last.terminated && steps < 100) {
      last = env.step(1);
      steps++;
    }
    expect(steps).toBe(9);
    expect(last.reward).toBe(1);
    expect(env.getState()[2]).toBeCloseTo(-0.21518604988500967, 12);
  });

  it('resets uniformly within ±0.05 and emits float32 observations', () => {
    const env = new CartPole();
    const rng = new Rng(3);
    for (let k = 0; k < 200; k++) {
      const s = env.reset(rng);
      for (const v of s) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    }
    const obs = new Float32Array(4);
    env.observe(obs, 0);
    expect(obs[0]).toBe(Math.fround(env.getState()[0]));
  });
});
