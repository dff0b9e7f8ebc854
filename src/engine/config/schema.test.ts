import { describe, expect, it } from 'vitest';
import { parseRunConfig } from './schema';
import { PRESETS } from '../../experiments/presets';

const minimal = {
  task: { id: 'cartpole' },
  stages: { sample: { id: 'vector-rollout' }, advantage: { id: 'gae' }, surrogate: { id: 'ppo-clip' } },
};

describe('run config schema', () => {
  it('fills every default from the registry modules', () => {
    const r = parseRunConfig(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.seed).toBe(1);
    expect(r.config.backend).toBe('auto');
    expect(r.config.policy.hidden).toEqual([64, 64]);
    expect(r.config.stages.surrogate.params).toEqual({ clipRatioLow: 0.2, clipRatioHigh: 0.2, clipRatioC: null, clipSchedule: 'constant' });
    expect(r.config.stages.aggregate.id).toBe('token-mean');
    expect(r.config.stages.update.params.lr).toBe(2.5e-4);
    expect(r.config.task.params).toEqual({ maxSteps: 500 });
  });

  it('accepts every preset', () => {
    for (const p of PRESETS) expect(parseRunConfig(p.config), p.id).toMatchObject({ ok: true });
  });

  it('names the offending field of a bad parameter', () => {
    const r = parseRunConfig({ ...minimal, stages: { ...minimal.stages, surrogate: { id: 'ppo-clip', params: { clipRatioLow: -1 } } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('stages.surrogate.params.clipRatioLow');
    expect(r.errors[0].message).toMatch(/>=\s*0/);
  });

  it('refuses a string where a number belongs, an unknown module, and an unknown key', () => {
    const bad = parseRunConfig({ ...minimal, stages: { ...minimal.stages, update: { id: 'adam', params: { lr: 'fast' } } } });
    expect(!bad.ok && bad.errors[0].path).toBe('stages.update.params.lr');
    const unknown = parseRunConfig({ ...minimal, stages: { ...minimal.stages, advantage: { id: 'magic' } } });
    expect(unknown.ok ? "" : unknown.errors[0].path).toMatch(/^stages\.advantage/);
    const extra = parseRunConfig({ ...minimal, stages: { ...minimal.stages, update: { id: 'adam', params: { lrr: 1 } } } });
    expect(extra.ok ? "" : extra.errors[0].path).toMatch(/^stages\.update\.params/);
  });

  it('refuses a group advantage without a grouped sampler', () => {
    const r = parseRunConfig({ ...minimal, stages: { ...minimal.stages, advantage: { id: 'grpo' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'stages.advantage.id' });
  });
});
