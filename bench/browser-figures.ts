/**
 * In-browser figures: the built app (dist/, served by `vite preview` with its COOP/COEP headers)
 * in Debian's Chromium driven by playwright-core, as the browser tests do. Engine figures run on
 * the bench page (bench.html) in workers; UI figures on the lab page itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Job } from '../src/bench/jobs';
import { CHROMIUM_ARGS, freePort, waitForServer } from '../e2e/lab-harness';
import type { BenchApi, TrainRequest, TrainResult, WorkerAnswer } from '../src/bench/bench-protocol';
import type { BackendName } from '../src/engine/backend/backend';
import type { RunConfigInput } from '../src/engine/config/schema';
import type { Budget, ThroughputBudget } from './budgets';
import { attempt, DRIFT_PRESET, LM_PRESET, lmConfig, matmulJob, presetConfig } from './node-figures';
import {
  driftFigure,
  kvFigure,
  lmGrpoFigures,
  matmulFigure,
  missing,
  prefixFigures,
  solveFigures,
  throughputFigure,
  type Figure,
  type Figures,
} from './figures';

export const CHROMIUM = '/usr/bin/chromium';
const WORKER = 'browser worker';

export interface BrowserSession {
  browser: Browser;
  baseUrl: string;
  version: string;
  close(): Promise<void>;
}

/** vite preview of a build (`outDir`, relative to root) on a free port, and a headless Chromium. */
export async function openBrowser(root: string, outDir = 'dist'): Promise<BrowserSession> {
  if (!existsSync(resolve(root, outDir, 'bench.html'))) throw new Error(`${outDir}/bench.html is missing: build first (npx vite build)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (bash scripts/ensure-chromium.sh installs it)`);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}/`;
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true, // its own process group, so close() ends npx and vite together
  });
  const stopServer = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitForServer(baseUrl, 60_000);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return {
      browser,
      baseUrl,
      version: browser.version(),
      async close() {
        await browser.close().catch(() => undefined);
        stopServer();
      },
    };
  } catch (e) {
    stopServer();
    throw e;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]);
}

type Win = { pgBench: BenchApi };

async function benchPage(session: BrowserSession): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('bench.html', session.baseUrl).href);
  await page.waitForFunction(() => (window as unknown as Partial<Win>).pgBench?.ready === true, undefined, { timeout: 60_000 });
  return { page, errors };
}

async function job(page: Page, j: Job, timeoutMs: number) {
  const answer = await withTimeout(
    page.evaluate((jj) => (window as unknown as Win).pgBench.job(jj), j) as Promise<WorkerAnswer>,
    timeoutMs,
    `${j.kind} on ${j.backend}`,
  );
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

async function train(page: Page, req: TrainRequest): Promise<TrainResult> {
  return withTimeout(page.evaluate((r) => (window as unknown as Win).pgBench.train(r), req) as Promise<TrainResult>, req.maxMs + 30_000, 'training run');
}

const PPO_ENVS = 16;

/** cartpole-ppo with 16 envs (16 × 32 = 512 steps per update), run for warm-up + measured updates. */
function ppo16(backend: BackendName, t: ThroughputBudget): RunConfigInput {
  const base = presetConfig('cartpole-ppo');
  const { sample, update } = base.stages;
  return {
    ...base,
    backend,
    stages: {
      ...base.stages,
      sample: { ...sample, params: { ...sample.params, numEnvs: PPO_ENVS, numSteps: t.numSteps } },
      update: { id: 'adam', ...update, params: { ...update?.params, epochs: t.epochs } },
    },
    schedule: { ...base.schedule, updates: t.warmup + t.updates },
  };
}

export async function benchPageFigures(session: BrowserSession, budget: Budget, log: (s: string) => void, only: (group: string) => boolean): Promise<Figures> {
  const figures: Figures = {};
  const { page, errors } = await benchPage(session);
  const jobTimeout = budget.smoke ? 120_000 : 300_000;
  try {
    if (only('matmul')) {
      const backends = [
        ['wasm', 'matmul_gflops.wasm.browser', 1],
        ['cpu', 'matmul_gflops.cpu.browser', 1],
        ['webgl', 'matmul_gflops.webgl', budget.matmul.gpuInner],
        ['webgpu', 'matmul_gflops.webgpu', budget.matmul.gpuInner],
      ] as const;
      for (const [backend, name, inner] of backends) {
        log(`browser: matmul ${backend}`);
        await attempt([[name, 'GFLOP/s']], figures, log, async () => ({
          [name]: matmulFigure(await job(page, matmulJob(backend, budget.matmul, inner), jobTimeout), WORKER),
        }));
      }
    }

    if (only('cartpole')) {
      const s = budget.solve;
      log(`browser: cartpole_ppo solve (wasm, seeds ${s.seeds.join(', ')}, return ≥ ${s.threshold})`);
      await attempt([['cartpole_ppo.solve_s', 's'], ['cartpole_ppo.solve_env_steps', 'env steps']], figures, log, async () => {
        const runs: { seed: number; result: TrainResult }[] = [];
        for (const seed of s.seeds) {
          const config = { ...presetConfig('cartpole-ppo'), seed, backend: 'wasm' as const };
          const result = await train(page, { config, threshold: s.threshold, maxMs: s.maxMs });
          log(`    seed ${seed}: ${result.solved ? `${result.solved.wall_s.toFixed(1)} s, ${result.solved.env_steps} steps` : `not solved (${result.status} ${result.error ?? ''})`}`);
          runs.push({ seed, result });
        }
        const f = solveFigures(runs, s.threshold, WORKER);
        return { 'cartpole_ppo.solve_s': f.seconds, 'cartpole_ppo.solve_env_steps': f.steps };
      });
      const why =
        'not measured: WebGPU here is SwiftShader (software, ~50× slower than wasm per the backend notes), so solving CartPole on it would take most of an hour; ' +
        'cartpole.env_steps_per_s.webgpu measures the same path on a small budget';
      figures['cartpole_ppo.solve_s.webgpu'] = missing('s', why);
      figures['cartpole_ppo.solve_env_steps.webgpu'] = missing('env steps', why);

      for (const [backend, name, t] of [
        ['wasm', 'cartpole.env_steps_per_s', budget.throughput],
        ['webgpu', 'cartpole.env_steps_per_s.webgpu', budget.throughputWebgpu],
      ] as const) {
        log(`browser: ${name} (${t.warmup} + ${t.updates} updates)`);
        await attempt([[name, 'env steps/s']], figures, log, async () => {
          const result = await train(page, { config: ppo16(backend, t), maxMs: t.maxMs });
          if (result.backend && result.backend.name !== backend) throw new Error(`ran on ${result.backend.name}, not ${backend}`);
          return { [name]: throughputFigure(result, t.warmup, { numEnvs: PPO_ENVS, numSteps: t.numSteps, epochs: t.epochs }, WORKER) };
        });
      }
    }

    if (only('lm')) {
      const b = budget;
      log('browser: lm figures (webgpu)');
      await attempt([['lm_grpo.tokens_per_s.webgpu', 'tokens/s'], ['lm_grpo.mfu.webgpu', 'ratio']], figures, log, async () => {
        const { warmup, updates } = b.lmGrpoWebgpu;
        const r = await job(page, { kind: 'lm-grpo', backend: 'webgpu', config: lmConfig(b.lmGrpoWebgpu), warmup, updates }, jobTimeout);
        const peak: Figure | undefined = figures['matmul_gflops.webgpu'];
        const f = lmGrpoFigures(r, 'matmul_gflops.webgpu', peak, LM_PRESET, b.lmGrpoWebgpu.warmup, WORKER);
        return { 'lm_grpo.tokens_per_s.webgpu': f.tokens, 'lm_grpo.mfu.webgpu': f.mfu };
      });
      await attempt([['lm_sampling.kv_cache_speedup.webgpu', '×']], figures, log, async () => ({
        'lm_sampling.kv_cache_speedup.webgpu': kvFigure(await job(page, { kind: 'kv-cache', backend: 'webgpu', ...b.kvWebgpu }, jobTimeout), WORKER),
      }));
      await attempt([['lm_train.prefix_grouper_speedup.webgpu', '×'], ['lm_train.prefix_grouper_max_grad_diff.webgpu', 'abs']], figures, log, async () => {
        const f = prefixFigures(await job(page, { kind: 'prefix-grouper', backend: 'webgpu', ...b.prefixWebgpu }, jobTimeout), WORKER);
        return { 'lm_train.prefix_grouper_speedup.webgpu': f.speedup, 'lm_train.prefix_grouper_max_grad_diff.webgpu': f.diff };
      });
    }

    if (only('memory')) {
      log(`browser: memory.tensors_drift.webgpu (${budget.driftWebgpu.late} updates)`);
      await attempt([['memory.tensors_drift.webgpu', 'tensors']], figures, log, async () => ({
        'memory.tensors_drift.webgpu': driftFigure(
          await job(page, { kind: 'tensors-drift', backend: 'webgpu', config: presetConfig(DRIFT_PRESET), ...budget.driftWebgpu }, jobTimeout),
          DRIFT_PRESET,
          WORKER,
        ),
      }));
    }
  } finally {
    if (errors.length) log(`bench page errors: ${errors.join('; ')}`);
    await page.close();
  }
  return figures;
}

interface UiSample {
  ms: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTaskMs: number;
  refreshes: number;
  /** Charts in the viewport at the end of the window, and each one's refreshes in the window. */
  onScreen: number;
  perChartRefreshes: number[];
  /** Script time inside long animation frames, by what invoked it (LoAF attribution). */
  loafScripts: Record<string, number>;
  mutations: number;
  charts: number;
  stepsBefore: number[];
  stepsAfter: number[];
  statuses: string[];
}

/**
 * The lab page with `runs` cartpole-ppo runs training at once: main-thread long tasks and chart
 * refreshes over a window, counted in the page (PerformanceObserver, MutationObserver).
 */
async function uiSample(session: BrowserSession, backend: string, u: Budget['ui']): Promise<UiSample> {
  const page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await page.goto(session.baseUrl);
    await page.getByTestId('start-button').waitFor();
    await page.getByTestId('preset-select').selectOption(u.preset);
    await page.getByTestId('field-backend').selectOption(backend);
    for (let i = 0; i < u.runs; i++) {
      await page.getByTestId('start-button').click();
      await page.getByTestId('run-card').nth(i).waitFor();
    }
    // Every run has finished an update before the window opens.
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('[data-testid="run-card"]')].filter((c) => Number(c.getAttribute('data-step')) > 0).length >= n,
      u.runs,
      { timeout: 180_000, polling: 250 },
    );
    await page.waitForTimeout(u.settleMs);
    // Runs in the page as written: no named inner functions (tsx's esbuild would wrap them in a
    // __name helper that the page does not have).
    return await page.evaluate(async (ms) => {
      const grid = document.querySelector('.chart-grid') ?? document.body;
      const out = {
        ms,
        longTasks: 0,
        longTaskMs: 0,
        maxLongTaskMs: 0,
        refreshes: 0,
        onScreen: 0,
        perChartRefreshes: [] as number[],
        loafScripts: {} as Record<string, number>,
        mutations: 0,
        charts: 0,
        stepsBefore: [...document.querySelectorAll('[data-testid="run-card"]')].map((c) => Number(c.getAttribute('data-step'))),
        stepsAfter: [] as number[],
        statuses: [] as string[],
      };
      const spans: [number, number][] = [];
      const refreshTimes: number[] = [];
      const po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) spans.push([e.startTime, e.startTime + e.duration]);
      });
      po.observe({ type: 'longtask' });
      // Long animation frames say which scripts the main thread ran (Worker.onmessage, timers, …).
      const loafs: { start: number; scripts: { invoker: string; duration: number }[] }[] = [];
      const lo = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const scripts = (e as PerformanceEntry & { scripts?: { invoker?: string; invokerType?: string; duration: number }[] }).scripts ?? [];
          loafs.push({ start: e.startTime, scripts: scripts.map((x) => ({ invoker: x.invoker || x.invokerType || '?', duration: x.duration })) });
        }
      });
      try {
        lo.observe({ type: 'long-animation-frame' });
      } catch {
        // not supported: no attribution
      }
      // One callback per React commit that touched a chart; each chart it touched refreshed.
      const perChart = new Map<Element, number>();
      const mo = new MutationObserver((records) => {
        let inSvg = 0;
        const touched = new Set<Element>();
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          // recharts SVG changes, or a live canvas's draw counter (charts draw on a canvas while runs train)
          if (!el?.closest('svg.recharts-surface') && !el?.matches('canvas.live-chart')) continue;
          inSvg += 1;
          const fig = el.closest('figure');
          if (fig) touched.add(fig);
        }
        if (inSvg > 0) {
          refreshTimes.push(performance.now());
          out.mutations += inSvg;
          for (const f of touched) perChart.set(f, (perChart.get(f) ?? 0) + 1);
        }
      });
      const t0 = performance.now();
      mo.observe(grid, { subtree: true, childList: true, attributes: true, characterData: true });
      await new Promise((r) => setTimeout(r, ms));
      mo.disconnect();
      const t1 = performance.now();
      out.stepsAfter = [...document.querySelectorAll('[data-testid="run-card"]')].map((c) => Number(c.getAttribute('data-step')));
      out.statuses = [...document.querySelectorAll('[data-testid="run-card"]')].map((c) => c.getAttribute('data-status') ?? '?');
      out.charts = grid.querySelectorAll('figure').length;
      const onScreen = [...grid.querySelectorAll('figure')].filter((f) => {
        const r = f.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
      });
      out.onScreen = onScreen.length;
      out.perChartRefreshes = onScreen.map((f) => perChart.get(f) ?? 0);
      // Long-task entries arrive after their task: wait for the last ones, keep those that began in the window.
      await new Promise((r) => setTimeout(r, 300));
      po.disconnect();
      lo.disconnect();
      for (const f of loafs) {
        if (f.start < t0 || f.start >= t1) continue;
        for (const x of f.scripts) out.loafScripts[x.invoker] = (out.loafScripts[x.invoker] ?? 0) + x.duration;
      }
      const inWindow = spans.filter(([a]) => a >= t0 && a < t1);
      out.ms = t1 - t0;
      out.refreshes = refreshTimes.length;
      out.longTasks = inWindow.length;
      for (const [a, b] of inWindow) {
        out.longTaskMs += b - a;
        out.maxLongTaskMs = Math.max(out.maxLongTaskMs, b - a);
      }
      return out;
    }, u.windowMs);
  } finally {
    await page.close();
  }
}

function attribution(scripts: Record<string, number>): string {
  const top = Object.entries(scripts).sort((a, b) => b[1] - a[1]).slice(0, 4);
  return top.length ? top.map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join(', ') : 'none reported';
}

export async function uiFigures(session: BrowserSession, budget: Budget, log: (s: string) => void): Promise<Figures> {
  const figures: Figures = {};
  for (const [backend, suffix, u] of [
    ['wasm', '', budget.ui],
    ['webgpu', '.webgpu', budget.uiWebgpu],
  ] as const) {
    log(`browser: ui figures, ${u.runs} ${backend} runs in the lab page (${u.windowMs / 1000} s window)`);
    await attempt([[`ui.long_tasks_per_10s${suffix}`, 'per 10 s'], [`ui.chart_hz${suffix}`, 'Hz']], figures, log, async () => {
      const s = await uiSample(session, backend, u);
      const secs = Number((s.ms / 1000).toFixed(2));
      const updates = s.stepsAfter.reduce((a, x, i) => a + x - (s.stepsBefore[i] ?? 0), 0);
      const context =
        `${s.stepsBefore.length} ${u.preset} runs on ${backend} training flat out in the lab page (${updates} updates in the window, ` +
        `${(updates / secs).toFixed(1)}/s over all runs; statuses at the end: ${s.statuses.join(', ')}), ${secs} s window after ${u.settleMs / 1000} s of settling`;
      return {
        [`ui.long_tasks_per_10s${suffix}`]: {
          value: (s.longTasks / secs) * 10,
          unit: 'per 10 s',
          detail:
            `main-thread long tasks (PerformanceObserver 'longtask', > 50 ms): ${s.longTasks} in ${secs} s, ${Math.round(s.longTaskMs)} ms in all, longest ${Math.round(s.maxLongTaskMs)} ms; ` +
            `script time in long animation frames by invoker: ${attribution(s.loafScripts)}; ${context}`,
        },
        [`ui.chart_hz${suffix}`]: {
          value: s.perChartRefreshes.reduce((a, b) => a + b, 0) / Math.max(1, s.perChartRefreshes.length) / secs,
          unit: 'Hz',
          detail:
            `refreshes per second of each chart on screen, averaged over the ${s.onScreen} charts in the viewport (of ${s.charts}): a refresh is a MutationObserver callback that changed the chart's live canvas (its draw counter) or its recharts SVG ` +
            `(per chart: ${s.perChartRefreshes.map((n) => (n / secs).toFixed(1)).join(', ')} Hz; ${s.refreshes} commits touched some chart, ${s.mutations} mutation records); ${context}`,
        },
      };
    });
  }
  return figures;
}
