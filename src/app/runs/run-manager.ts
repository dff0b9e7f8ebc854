import { RunConfigSchema, type RunConfig } from '../../engine/config/schema';
import { findPreset } from '../../experiments/presets';
import type { Command, RunEvent } from '../../workers/protocol';
import { useLabStore, type Speed } from '../store/lab-store';
import { isActive, type RunView } from '../store/run-types';
import { nextRunColour } from './run-colours';
import { runLabel } from './run-label';

/**
 * The views refresh at most this often, however many runs post events: every event between two
 * refreshes (metrics, status, samples, rollouts, of all runs) lands in one store update.
 */
const VIEW_REFRESH_MS = 200;

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
  /** Run patches (status, samples, rollouts) waiting for the next refresh. */
  private pending = new Map<string, Partial<RunView>>();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRefresh = 0;

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
    this.pending.delete(id);
    useLabStore.getState().removeRun(id);
  }

  /** Stops every worker and removes every run. */
  reset(): void {
    for (const id of [...this.workers.keys()]) this.terminate(id);
    this.dirty.clear();
    this.pending.clear();
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
        this.patch(e.runId, {
          status: e.status,
          step: e.step,
          totalUpdates: e.totalUpdates || run.totalUpdates,
          ...(e.backend ? { backend: e.backend } : {}),
        });
        if (!isActive(e.status)) {
          this.refreshViews();
          this.terminate(e.runId);
        } else {
          this.scheduleRefresh();
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
        this.patch(e.runId, { sample: e.sample });
        this.scheduleRefresh();
        return;
      case 'rollouts':
        this.patch(e.runId, { rollouts: e.sample });
        this.scheduleRefresh();
        return;
      case 'error':
        this.fail(e.runId, e.stage, e.step, e.message);
        return;
    }
  }

  /** Queues a patch for the run's next refresh (later fields win). */
  private patch(id: string, patch: Partial<RunView>): void {
    this.pending.set(id, { ...this.pending.get(id), ...patch });
  }

  private fail(id: string, stage: string, step: number, message: string): void {
    this.patch(id, { status: 'failed', error: { stage, step, message } });
    this.refreshViews();
    this.terminate(id);
  }

  /** The next refresh, VIEW_REFRESH_MS after the last one (at once if that is past). */
  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) return;
    const wait = Math.max(0, this.lastRefresh + VIEW_REFRESH_MS - performance.now());
    this.refreshTimer = setTimeout(() => this.refreshViews(), wait);
  }

  /**
   * Publishes everything that arrived since the last refresh to the views: queued patches and
   * new metric rows of every run, in one store update.
   */
  private refreshViews(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.lastRefresh = performance.now();
    const store = useLabStore.getState();
    const patches = this.pending;
    for (const id of this.dirty) {
      const buf = store.metrics[id];
      const run = store.runs[id];
      if (!buf || !run) continue;
      const queued = patches.get(id);
      const step = Math.max(queued?.step ?? run.step, buf.latest('step') ?? 0);
      patches.set(id, { ...queued, rows: buf.length, step });
    }
    this.dirty.clear();
    this.pending = new Map();
    if (patches.size > 0) store.patchRuns(patches);
  }
}

export const runManager = new RunManager();
