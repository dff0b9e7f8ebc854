import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../cli/run-headless';
import { checkLesson } from './check-lesson';
import { LESSONS, findLesson } from './lessons';
import { parseRunConfig } from '../../engine/config/schema';

/** The fast subset of `npm run check:all`: mechanisms that show within a few updates. */
describe('lesson checks (fast subset, wasm)', () => {
  const run = async (config: Parameters<typeof runHeadless>[0]) => (await runHeadless({ ...config, backend: 'wasm' })).rows;

  it('dead-groups: NGRPO trains on more non-zero advantages than GRPO (2 updates, seed 1)', async () => {
    const r = await checkLesson(findLesson('dead-groups')!, [1], run, { updates: 2 });
    console.log(JSON.stringify(r.values));
    expect(r.held).toBe(true);
  });

  it('copo: COPO’s global term leaves no step with a zero advantage, GRPO’s dead groups do (2 updates, seed 1)', async () => {
    const r = await checkLesson(findLesson('copo')!, [1], run, { updates: 2 });
    console.log(JSON.stringify(r.values));
    expect(r.held).toBe(true);
  });

  it('prefix-grouper: the plain forward takes longer per update than the shared prefix (3 updates)', async () => {
    const r = await checkLesson(findLesson('prefix-grouper')!, [1], run, { updates: 3 });
    console.log(JSON.stringify(r.values));
    expect(r.held).toBe(true);
  });

  it('every lesson opens: its runs are valid configs, two or more, with distinct labels', () => {
    for (const lesson of LESSONS) {
      expect(lesson.runs.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(new Set(lesson.runs.map((r) => r.label)).size).toBe(lesson.runs.length);
      for (const r of lesson.runs) expect(parseRunConfig(r.config), `${lesson.id} / ${r.label}`).toMatchObject({ ok: true });
      for (const [a, b] of lesson.claim.higher) {
        expect(lesson.runs.map((r) => r.label)).toEqual(expect.arrayContaining([a, b]));
      }
    }
  });
});
