import type { TaskTool } from './task-tools';

/**
 * SimpleTIR's turn kinds (agent_utils.py `execute_predictions`): a model turn makes a tool call,
 * states a final answer, or is void — neither, because it ended with <eos> or ran out of room.
 */
export type TurnKind = 'call' | 'answer' | 'void';

/** One model turn of a transcript: steps [start, end). */
export interface Turn {
  start: number;
  end: number;
  kind: TurnKind;
}

/** What a single model turn is. A turn that ends in a call counts as a call even if it also wrote ">". */
export function turnKind(turn: readonly number[], tool: TaskTool): TurnKind {
  if (tool.call(turn) !== null) return 'call';
  return turn.includes(tool.answerMarker) ? 'answer' : 'void';
}

/**
 * The model turns of a transcript: maximal runs of steps that were not forced (tool output is
 * forced and separates turns).
 */
export function parseTurns(tokens: ArrayLike<number>, length: number, forced: ArrayLike<number> | undefined, tool: TaskTool): Turn[] {
  const turns: Turn[] = [];
  let t = 0;
  while (t < length) {
    if (forced?.[t]) {
      t++;
      continue;
    }
    const start = t;
    while (t < length && !forced?.[t]) t++;
    turns.push({ start, end: t, kind: turnKind(Array.from({ length: t - start }, (_, i) => tokens[start + i]), tool) });
  }
  return turns;
}
