/**
 * The benchmark suite's smoke run (CI): `npm run bench -- --smoke --no-build` against the build in
 * dist/ (npm test builds it before the browser tests), to a temporary file, then every figure of
 * the suite must be there with a finite value and a unit. Values of a smoke run mean nothing.
 * Run with `npx vite build && npx vitest run --project bench-smoke`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from './figures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'pg-bench-'));
const OUT = join(dir, 'results.json');

/** Every figure the issue asks for, with a finite value. */
const MEASURED = [
  // 1. matmul per backend: Node, then the browser worker
  'matmul_gflops.wasm',
  'matmul_gflops.cpu',
  'matmul_gflops.wasm.browser',
  'matmul_gflops.cpu.browser',
  'matmul_gflops.webgl',
  'matmul_gflops.webgpu',
  // 2.–3. CartPole in a browser worker
  'cartpole_ppo.solve_s',
  'cartpole_ppo.solve_env_steps',
  'cartpole.env_steps_per_s',
  'cartpole.env_steps_per_s.webgpu',
  // 4.–6. the language model
  'lm_grpo.tokens_per_s',
  'lm_grpo.mfu',
  'lm_grpo.tokens_per_s.webgpu',
  'lm_grpo.mfu.webgpu',
  'lm_sampling.kv_cache_speedup',
  'lm_sampling.kv_cache_speedup.webgpu',
  'lm_train.prefix_grouper_speedup',
  'lm_train.prefix_grouper_max_grad_diff',
  'lm_train.prefix_grouper_speedup.webgpu',
  'lm_train.prefix_grouper_max_grad_diff.webgpu',
  // 7. the lab page with 4 runs
  'ui.long_tasks_per_10s',
  'ui.chart_hz',
  'ui.long_tasks_per_10s.webgpu',
  'ui.chart_hz.webgpu',
  // 8. leaks
  'memory.tensors_drift',
  'memory.tensors_drift.webgpu',
];
/** Present with a null value and the reason (solving CartPole on SwiftShader takes most of an hour). */
const NOT_MEASURED = ['cartpole_ppo.solve_s.webgpu', 'cartpole_ppo.solve_env_steps.webgpu'];

function runSmoke(): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn('npx', ['tsx', 'bench/run.ts', '--smoke', '--no-build', '--out', OUT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('close', (code) => ok({ code, output }));
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('writes every figure with a finite value and a unit', async () => {
    expect(existsSync(join(ROOT, 'dist/bench.html')), 'dist/bench.html is missing: run npx vite build first').toBe(true);
    const t0 = Date.now();
    const { code, output } = await runSmoke();
    console.log(`bench smoke run: ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${code}`);
    expect(existsSync(OUT), output).toBe(true);
    const results = JSON.parse(readFileSync(OUT, 'utf8')) as Results;
    expect(results.suite).toBe('smoke');
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    expect(results.machine.cpus).toBeGreaterThan(0);
    for (const name of MEASURED) {
      const f = results.figures[name];
      expect(f, `${name} is missing`).toBeDefined();
      expect(Number.isFinite(f.value), `${name}: ${f.value} (${f.detail})`).toBe(true);
      expect(f.unit, name).toMatch(/\S/);
      expect(f.detail, name).toMatch(/\S/);
    }
    for (const name of NOT_MEASURED) {
      expect(results.figures[name]?.value, name).toBeNull();
      expect(results.figures[name]?.detail, name).toMatch(/^not measured: /);
    }
    expect(code, output).toBe(0);
    // The markdown table is printed at the end.
    expect(output).toMatch(/\| figure \| value \| unit \| how \|/);
  });
});
