/**
 * The bench page (bench.html): no UI, only window.pgBench for `npm run bench` (playwright-core) to
 * call. Engine jobs run in a fresh bench worker each; training runs use the lab's own run worker.
 */
import type { RunEvent } from '../workers/protocol';
import type { Job } from './jobs';
import type { BenchApi, TrainRequest, TrainResult, TrainRow, WorkerAnswer } from './bench-protocol';

function job(j: Job): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ ok: false, error: `worker error: ${e.message}` });
    };
    worker.postMessage(j);
  });
}

function train(req: TrainRequest): Promise<TrainResult> {
  return new Promise((resolve) => {
    const runId = 'bench';
    const worker = new Worker(new URL('../workers/run.worker.ts', import.meta.url), { type: 'module' });
    const t0 = performance.now();
    const out: TrainResult = { status: 'starting', rows: [], solved: null, ms: 0 };
    let finished = false;
    const finish = (status: string, error?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.terminate();
      out.status = status;
      if (error) out.error = error;
      out.ms = performance.now() - t0;
      resolve(out);
    };
    const timer = setTimeout(() => finish('timeout'), req.maxMs);
    worker.onerror = (e) => finish('failed', `worker error: ${e.message}`);
    worker.onmessage = (e: MessageEvent<RunEvent>) => {
      const ev = e.data;
      if (ev.type === 'status') {
        if (ev.backend) out.backend = ev.backend;
        if (ev.status === 'done' || ev.status === 'stopped' || ev.status === 'failed') finish(ev.status, out.error);
      } else if (ev.type === 'error') {
        out.error = `${ev.stage} at update ${ev.step}: ${ev.message}`;
      } else if (ev.type === 'metrics') {
        const col = (k: string) => ev.columns[ev.keys.indexOf(k)] ?? [];
        const [step, wall, env, ret] = ['step', 'wall_s', 'env_steps', 'episode/return_mean'].map(col);
        step.forEach((s, i) => {
          const row: TrainRow = { step: s, wall_s: wall[i], env_steps: env[i], return_mean: ret[i] ?? NaN };
          out.rows.push(row);
          if (req.threshold !== undefined && !out.solved && row.return_mean >= req.threshold) {
            out.solved = row;
            worker.postMessage({ type: 'stop', runId });
          }
        });
      }
    };
    worker.postMessage({ type: 'start', runId, config: req.config });
  });
}

const api: BenchApi = { ready: true, job, train };
(window as unknown as { pgBench: BenchApi }).pgBench = api;
document.getElementById('status')!.textContent = 'ready';
