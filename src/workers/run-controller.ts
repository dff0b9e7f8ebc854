import { initBackend, type BackendChoiceCache, type BackendInfo } from '../engine/backend/backend';
import { formatConfigErrors, parseRunConfig } from '../engine/config/schema';
import { Rng } from '../engine/core/rng';
import { PipelineError } from '../engine/trainer/pipeline-error';
import { Trainer } from '../engine/trainer/trainer';
import { demoEpisode } from '../engine/trainer/demo-episode';
import { CategoricalMlpPolicy } from '../engine/policy/categorical-mlp';
import type { MetricRow } from '../engine/metrics/keys';
import type { CheckpointSource } from '../engine/policy/checkpoint';
import type { Command, RunEvent, RunStatus } from './protocol';

const FLUSH_MS = 250;
const SAMPLE_MS = 1500;

/**
 * Runs one training run and speaks the protocol. It knows nothing of Worker globals: the worker
 * entry passes `post`, and tests drive it directly in Node.
 */
export class RunController {
  private trainer: Trainer | null = null;
  private status: RunStatus = 'starting';
  private paused = false;
  private stepsToRun = 0;
  private stopped = false;
  private updatesPerSecond: number | null = null;
  private pending: MetricRow[] = [];
  private lastFlush = 0;
  private lastSample = -Infinity;
  private wake: (() => void) | null = null;
  private runId = '';

  constructor(
    private readonly post: (e: RunEvent) => void,
    private readonly checkpoints?: CheckpointSource,
    private readonly backendCache?: BackendChoiceCache,
  ) {}

  handle(cmd: Command): void {
    switch (cmd.type) {
      case 'start':
        this.runId = cmd.runId;
        void this.run(cmd.config);
        return;
      case 'pause':
        this.paused = true;
        break;
      case 'resume':
        this.paused = false;
        break;
      case 'step':
        this.paused = true;
        this.stepsToRun += Math.max(1, Math.floor(cmd.n));
        break;
      case 'stop':
        this.stopped = true;
        break;
      case 'speed':
        this.updatesPerSecond = cmd.updatesPerSecond;
        break;
    }
    this.wake?.();
  }

  private async run(rawConfig: unknown): Promise<void> {
    const parsed = parseRunConfig(rawConfig);
    if (!parsed.ok) {
      this.fail('config', 0, formatConfigErrors(parsed.errors));
      return;
    }
    let step = 0;
    try {
      const backend = await initBackend(parsed.config.backend, this.backendCache);
      const trainer = await Trainer.create(parsed.config, { checkpoints: this.checkpoints });
      this.trainer = trainer;
      const demoRng = new Rng(parsed.config.seed ^ 0x5eed);
      this.setStatus('running', backend);
      while (!trainer.done && !this.stopped) {
        if (this.paused && this.stepsToRun === 0) {
          this.flush();
          this.setStatus('paused');
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        if (this.status !== 'running') this.setStatus('running');
        if (this.stepsToRun > 0) this.stepsToRun -= 1;
        const t0 = performance.now();
        const row = await trainer.step();
        step = row.step;
        this.pending.push(row);
        const now = performance.now();
        if (now - this.lastFlush >= FLUSH_MS) this.flush();
        const task = trainer.pipeline.task;
        if (task.kind === 'language' && (now - this.lastSample >= SAMPLE_MS || this.paused)) {
          this.lastSample = now;
          const sample = await trainer.inspect();
          if (sample) this.post({ type: 'rollouts', runId: this.runId, sample });
        }
        if (task.kind === 'control' && trainer.policy instanceof CategoricalMlpPolicy && (now - this.lastSample >= SAMPLE_MS || this.paused)) {
          this.lastSample = now;
          const ep = await demoEpisode(task, trainer.policy, demoRng);
          this.post({
            type: 'samples',
            runId: this.runId,
            sample: { task: trainer.pipeline.task.id, step, states: ep.states, stateDim: ep.stateDim, actions: ep.actions, startProbs: ep.startProbs, return: ep.ret },
          });
        }
        await this.pace(performance.now() - t0);
      }
      this.flush();
      this.setStatus(this.stopped ? 'stopped' : 'done');
    } catch (e) {
      this.flush();
      if (e instanceof PipelineError) this.fail(e.stage, e.step, e.message);
      else this.fail('engine', step + 1, e instanceof Error ? e.message : String(e));
    } finally {
      this.trainer?.dispose();
      this.trainer = null;
    }
  }

  /** Yields to the message queue every update; sleeps when a speed limit is set. */
  private async pace(elapsedMs: number): Promise<void> {
    const target = this.updatesPerSecond ? 1000 / this.updatesPerSecond : 0;
    const wait = Math.max(0, target - elapsedMs);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }

  private flush(): void {
    this.lastFlush = performance.now();
    if (this.pending.length === 0) return;
    const keys = [...new Set(this.pending.flatMap((r) => Object.keys(r)))];
    const columns = keys.map((k) => this.pending.map((r) => (r as Record<string, number | undefined>)[k] ?? NaN));
    this.post({ type: 'metrics', runId: this.runId, keys, columns });
    this.pending = [];
  }

  private setStatus(status: RunStatus, backend?: BackendInfo): void {
    this.status = status;
    this.post({
      type: 'status',
      runId: this.runId,
      status,
      step: this.trainer?.stepIndex ?? 0,
      totalUpdates: this.trainer?.totalUpdates ?? 0,
      ...(backend ? { backend } : {}),
    });
  }

  private fail(stage: string, step: number, message: string): void {
    this.post({ type: 'error', runId: this.runId, stage, step, message });
    this.status = 'failed';
    this.post({ type: 'status', runId: this.runId, status: 'failed', step, totalUpdates: this.trainer?.totalUpdates ?? 0 });
  }
}
