import type { Lesson } from '../../experiments/lessons/lesson';

/** The badge on a lesson: does its claim hold as a mechanism, or is it what this scale shows? */
export function lessonKind(lesson: Lesson): { label: string; help: string; className: string } {
  return lesson.mechanism
    ? { label: 'mechanism', help: 'A mechanism: its claim holds on the lesson’s default seeds (npm run lab -- check).', className: 'mechanism' }
    : { label: 'what this scale shows', help: 'Reported as measured at this lab’s small scale, which may differ from the paper.', className: 'scale' };
}

/** "reverse, 20 updates each" (tasks and budgets of the lesson's runs, each named once). */
export function lessonSetup(lesson: Lesson): string {
  const tasks = [...new Set(lesson.runs.map((r) => r.config.task.id))];
  const updates = [...new Set(lesson.runs.map((r) => r.config.schedule?.updates).filter((u) => u !== undefined))];
  const budget = updates.length === 1 ? `, ${updates[0]} updates each` : '';
  return `${tasks.join(' / ')}${budget}`;
}
