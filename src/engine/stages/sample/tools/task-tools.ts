import { calcTool } from '../../../tasks/language/calc.task';

/**
 * A tool a language task offers its model between turns. The sampler stops a turn when the model
 * samples `callEnd`, asks `call` for the tool's output and appends it as forced tokens.
 */
export interface TaskTool {
  /** The token that ends a call turn (the KV sampler's stop token). */
  callEnd: number;
  /** The token that opens a final answer. */
  answerMarker: number;
  /** Output tokens of the call that ends a model turn, or null when the turn makes no call. */
  call(turn: readonly number[]): number[] | null;
}

/** The tasks that come with a tool, by task id. */
const TASK_TOOLS: Record<string, TaskTool> = { calc: calcTool };

export function toolOf(taskId: string): TaskTool | null {
  return TASK_TOOLS[taskId] ?? null;
}

/** Turns a transcript may take by default: at most about three fit a calc transcript in 32 tokens. */
export const DEFAULT_MAX_TURNS = 3;
