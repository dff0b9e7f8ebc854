import { RunConfigSchema, type RunConfig } from '../../engine/config/schema';
import type { Lesson } from '../../experiments/lessons/lesson';
import { useDraftStore } from '../editor/draft-store';
import { runManager } from '../runs/run-manager';
import { useLessonStore } from './lesson-store';

/** The backend chosen in the editor's Run settings ('auto' when the field holds nothing valid). */
export function editorBackend(): RunConfig['backend'] {
  const parsed = RunConfigSchema.shape.backend.safeParse(useDraftStore.getState().draft.backend);
  return parsed.success ? parsed.data : 'auto';
}

/** A lesson run's config, on the editor's backend unless the lesson names one. */
export function lessonRunConfig(run: Lesson['runs'][number], backend: RunConfig['backend']): RunConfig {
  const input = structuredClone(run.config);
  if (input.backend === undefined) input.backend = backend;
  if (input.name === undefined) input.name = run.label;
  return RunConfigSchema.parse(input);
}

/**
 * Opens a lesson: removes the current runs (they would share the CPU and the charts with the
 * lesson's), starts every run of the lesson side by side, one worker each, labelled as the lesson
 * labels them, and shows the lesson's banner. Returns the new run ids.
 */
export function startLesson(lesson: Lesson): string[] {
  const backend = editorBackend();
  const configs = lesson.runs.map((r) => ({ label: r.label, config: lessonRunConfig(r, backend) }));
  runManager.reset();
  const ids = configs.map(({ label, config }) => runManager.start(config, null, { label }));
  useLessonStore.getState().showLesson(lesson.id);
  return ids;
}
