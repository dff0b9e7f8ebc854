import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../engine/metrics/keys';

const lab = (...args: string[]) =>
  execFileSync('npx', ['tsx', 'src/cli/lab.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('lab CLI', () => {
  it('runs a preset for N updates and writes {config, backend, rows} and a CSV beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-'));
    const out = join(dir, 'run.json');
    const stdout = lab('run', 'bandit-reinforce', '--steps', '4', '--seed', '3', '--out', out);
    expect(stdout).toMatch(/update 4\/4/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.config.seed).toBe(3);
    expect(json.backend.name).toBe('wasm');
    expect(json.rows).toHaveLength(4);
    const csv = readFileSync(join(dir, 'run.csv'), 'utf8').trim().split('\n');
    expect(csv[0].split(',').slice(0, METRIC_KEYS.length)).toEqual([...METRIC_KEYS]);
    expect(csv).toHaveLength(5);
  });

  it('lists the registry as JSON: stages → modules with label and paper', () => {
    const reg = JSON.parse(lab('list', '--json'));
    expect(reg.stages.surrogate.map((m: { id: string }) => m.id)).toContain('ppo-clip');
    expect(reg.stages.advantage.find((m: { id: string }) => m.id === 'grpo').paper.short).toBe('GRPO');
    expect(reg.presets.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['cartpole-reinforce', 'cartpole-ppo', 'cartpole-grpo', 'bandit-reinforce']),
    );
  });

  it('refuses a bad flag or config with a clear message and a non-zero exit', () => {
    expect(() => lab('run', 'cartpole-ppo', '--steps', 'many')).toThrow(/--steps must be a non-negative integer/);
    expect(() => lab('run', 'no-such-preset')).toThrow(/neither a preset id nor a \.json file/);
  });
});
