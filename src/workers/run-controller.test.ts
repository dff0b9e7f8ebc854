import { beforeAll, describe, expect, it } from 'vitest';
import '../engine/backend/register-node';
import { initBackend } from '../engine/backend/backend';
import { findPreset } from '../experiments/presets';
import { Trainer } from '../engine/trainer/trainer';
import { PipelineError } from '../engine/trainer/pipeline-error';
import type { RunEvent } from './protocol';
import { RunController } from './run-controller';

beforeAll(async () => {
  await initBackend('wasm');
});

function bandit(updates: number, seed = 1) {
  const c = structuredClone(findPreset('bandit-reinforce')!.config);
  return { ...c, backend: 'wasm', seed, schedule: { updates } };
}

function drive(config: unknown): { events: RunEvent[]; controller: RunController; finished: Promise<void> } {
  const events: RunEvent[] = [];
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const controller = new RunController((e) => {
    events.push(e);
    if (e.type === 'status' && ['done', 'stopped', 'failed'].includes(e.status)) resolve();
  });
  controller.handle({ type: 'start', runId: 'r1', config });
  return { events, controller, finished };
}

describe('RunController (worker protocol)', () => {
  it('runs to the end, reports the backend, and sends columnar metric batches tagged with the run id', async () => {
    const { events, finished } = drive(bandit(40));
    await finished;
    const statuses = events.filter((e) => e.type === 'status');
    expect(statuses[0]).toMatchObject({ status: 'running', backend: { name: 'wasm' } });
    expect(statuses.at(-1)).toMatchObject({ status: 'done' });
    const metrics = events.filter((e) => e.type === 'metrics');
    expect(metrics.every((e) => e.runId === 'r1')).toBe(true);
    const steps = metrics.flatMap((m) => m.columns[m.keys.indexOf('step')]);
    expect(steps).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(metrics.length).toBeLessThan(40); // batched, not one message per update
    expect(events.some((e) => e.type === 'samples')).toBe(true);
  });

  it('refuses a bad config with the field named, before any training', async () => {
    const cfg = bandit(5);
    (cfg.stages.update as { params: Record<string, unknown> }).params.lr = -1;
    const { events, finished } = drive(cfg);
    await finished;
    const err = events.find((e) => e.type === 'error');
    expect(err).toMatchObject({ stage: 'config', message: expect.stringContaining('stages.update.params.lr') });
    expect(events.some((e) => e.type === 'metrics')).toBe(false);
  });

  it('pauses, steps one update at a time, resumes and stops', async () => {
    const { events, controller, finished } = drive(bandit(1000));
    controller.handle({ type: 'pause', runId: 'r1' });
    await new Promise((r) => setTimeout(r, 100));
    const stepsSoFar = () => events.filter((e) => e.type === 'metrics').flatMap((m) => m.columns[m.keys.indexOf('step')]);
    const paused = stepsSoFar().length;
    controller.handle({ type: 'step', runId: 'r1', n: 2 });
    await new Promise((r) => setTimeout(r, 200));
    expect(stepsSoFar().length).toBe(paused + 2);
    controller.handle({ type: 'resume', runId: 'r1' });
    controller.handle({ type: 'stop', runId: 'r1' });
    await finished;
    expect(events.at(-1)).toMatchObject({ type: 'status', status: 'stopped' });
  });

  it('a failing stage stops only its own run, with stage, update and message', async () => {
    const original = Trainer.prototype.step;
    let calls = 0;
    Trainer.prototype.step = async function (this: Trainer) {
      if (this.config.seed === 666 && ++calls === 3) throw new PipelineError('advantage', 3, 'injected failure');
      return original.call(this);
    };
    try {
      const bad = drive(bandit(20, 666));
      const good = drive(bandit(20, 7));
      await Promise.all([bad.finished, good.finished]);
      expect(bad.events.find((e) => e.type === 'error')).toMatchObject({ stage: 'advantage', step: 3, message: expect.stringContaining('injected') });
      expect(bad.events.at(-1)).toMatchObject({ status: 'failed' });
      // The failed run's finished updates were flushed before the error.
      expect(bad.events.filter((e) => e.type === 'metrics').flatMap((m) => m.columns[m.keys.indexOf('step')])).toEqual([1, 2]);
      expect(good.events.at(-1)).toMatchObject({ status: 'done' });
    } finally {
      Trainer.prototype.step = original;
    }
  });
});
