import { RunConfigSchema, type RunConfig } from '../../engine/config/schema';
import { findPreset } from '../../experiments/presets';
import type { Command, RunEvent } from '../../workers/protocol';
import { useLabStore, type Speed } from '../store/lab-store';
import { isActive } from '../store/run-types';
import { nextRunColour } from './run-colours';
import { runLabel } from './run-label';

/** Charts redraw at most this often, however many runs post metrics. */
const VIEW_REFRESH_MS = 400;

export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });

/**
 * Owns one worker per run: starts it, forwards transport commands, and turns its events into
 * store updates. A worker that throws or reports an error fails only its own run.
 */
export class RunManager {
  private readonly workers = new Map<string, Worker>();
  private nextId = 1;
  private dirty = new Set<string>();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly makeWorker: WorkerFactory = defaultWorker) {}

  /**
   * Starts a new run from a validated config; returns its id. `label` names the run as given
   * (a lesson's run label) instead of describing how it differs from the preset or first run.
   */
  start(config: RunConfig, presetId: string | null, opts: { label?: string } = {}): string {
    const store = useLabStore.getState();
    const id = `r${this.nextId++}`;
    const preset = presetId ? findPreset(presetId) : undefined;
    const first = store.order.length ? store.runs[store.order[0]] : undefined;
    const base = preset ? RunConfigSchema.parse(preset.config) : (first?.config ?? null);
    let label = opts.label ?? runLabel(config.name ?? preset?.title ?? config.task.id, config, base);
    const taken = new Set(Object.values(store.runs).map((r) => r.label));
    if (taken.has(label)) label = `${label} (${id})`;

    store.addRun({
      id,
      label,
      colour: nextRunColour(Object.values(store.runs).map((r) => r.colour)),
      config,
      status: 'starting',
      step: 0,
      totalUpdates: config.schedule.updates,
      rows: 0,
    });

    let worker: Worker;
    try {
      worker = this.makeWorker();
    } catch (e) {
      this.fail(id, 'worker', 0, e instanceof Error ? e.message : String(e));
      return id;
    }
    this.workers.set(id, worker);
    worker.onmessage = (msg: MessageEvent<RunEvent>) => this.onEvent(msg.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const run = useLabStore.getState().runs[id];
      this.fail(id, 'worker', run?.step ?? 0, e.message || 'the worker crashed');
    };
    worker.onmessageerror = () => this.fail(id, 'worker', 0, 'a message from the worker could not be read');
    this.post(id, { type: 'start', runId: id, config });
    const speed = store.speed;
    if (speed !== null) this.post(id, { type: 'speed', runId: id, updatesPerSecond: speed });
    return id;
  }

  pause(id?: string): void {
    for (const r of this.targets(id)) if (r.status !== 'paused') this.post(r.id, { type: 'pause', runId: r.id });
  }

  resume(id?: string): void {
    for (const r of this.targets(id)) this.post(r.id, { type: 'resume', runId: r.id });
  }

  /** One more update, then pause (a running run pauses after it). */
  step(id?: string, n = 1): void {
    for (const r of this.targets(id)) this.post(r.id, { type: 'step', runId: r.id, n });
  }

  stop(id: string): void {
    this.post(id, { type: 'stop', runId: id });
  }

  /** Updates per second (null = flat out) for one run, or for every run and the runs to come. */
  setSpeed(speed: Speed, id?: string): void {
    if (!id) useLabStore.getState().setSpeed(speed);
    for (const r of this.targets(id)) this.post(r.id, { type: 'speed', runId: r.id, updatesPerSecond: speed });
  }

  /** Stops the run's worker at once and forgets the run. */
  remove(id: string): void {
    this.terminate(id);
    this.dirty.delete(id);
    useLabStore.getState().removeRun(id);
  }

  /** Stops every worker and removes every run. */
  reset(): void {
    for (const id of [...this.workers.keys()]) this.terminate(id);
    this.dirty.clear();
    useLabStore.getState().clearRuns();
  }

  private targets(id?: string) {
    const { runs, order } = useLabStore.getState();
    const ids = id ? [id] : order;
    return ids.map((r) => runs[r]).filter((r) => r !== undefined && isActive(r.status));
  }

  private post(id: string, cmd: Command): void {
    this.workers.get(id)?.postMessage(cmd);
  }

  private terminate(id: string): void {
    this.workers.get(id)?.terminate();
    this.workers.delete(id);
  }

  private onEvent(e: RunEvent): void {
    const store = useLabStore.getState();
    if (!store.runs[e.runId]) return; // removed while a message was in flight
    switch (e.type) {
      case 'status': {
        const run = store.runs[e.runId];
        // A failed run keeps its failure even if a late status arrives.
        if (run.status === 'failed' && e.status !== 'failed') return;
        store.patchRun(e.runId, {
          status: e.status,
          step: e.step,
          totalUpdates: e.totalUpdates || run.totalUpdates,
          ...(e.backend ? { backend: e.backend } : {}),
        });
        if (!isActive(e.status)) {
          this.refreshViews();
          this.terminate(e.runId);
        }
        return;
      }
      case 'metrics': {
        store.metrics[e.runId]?.append(e.keys, e.columns);
        this.dirty.add(e.runId);
        this.scheduleRefresh();
        return;
      }
      case 'samples':
        store.patchRun(e.runId, { sample: e.sample });
        return;
      case 'rollouts':
        store.patchRun(e.runId, { rollouts: e.sample });
        return;
      case 'error':
        this.fail(e.runId, e.stage, e.step, e.message);
        return;
    }
  }

  private fail(id: string, stage: string, step: number, message: string): void {
    useLabStore.getState().patchRun(id, { status: 'failed', error: { stage, step, message } });
    this.refreshViews();
    this.terminate(id);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) return;
    this.refreshTimer = setTimeout(() => this.refreshViews(), VIEW_REFRESH_MS);
  }

  /** Publishes new metric rows to the views (one store update for all dirty runs). */
  private refreshViews(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    const store = useLabStore.getState();
    for (const id of this.dirty) {
      const buf = store.metrics[id];
      const run = store.runs[id];
      if (!buf || !run) continue;
      const step = buf.latest('step');
      store.patchRun(id, { rows: buf.length, step: Math.max(run.step, step ?? 0) });
    }
    this.dirty.clear();
  }
}

export const runManager = new RunManager();
