import type { ControlTaskSpec } from '../envs/env';
import type { LanguageTaskSpec } from './language/language-task';

export type TaskSpec = ControlTaskSpec | LanguageTaskSpec;

/** Longest sequence a task produces: the episode time limit, or the completion budget. */
export function maxSequenceLength(task: TaskSpec): number {
  return task.kind === 'control' ? task.maxSteps : task.maxCompletionLength;
}
