import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import { sampleWithKvCache } from '../../../policy/transformer/kv-sampler';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { EOS, PAD } from '../../../tasks/language/vocab';
import type { TaskTool } from './task-tools';
import { parseTurns, type Turn } from './turns';

/** One multi-turn transcript: model turns with tool output between them (forced = 1 there). */
export interface ToolTranscript {
  tokens: Int32Array;
  /** log π and entropy of each step, taken from the round that produced it. */
  logp: Float32Array;
  entropy: Float32Array;
  length: number;
  forced: Uint8Array;
  turns: Turn[];
}

export interface ToolGroup {
  example: LanguageExample;
  rewards: number[];
  transcripts: ToolTranscript[];
}

/**
 * Multi-turn rollouts (SimpleTIR `run_llm_loop`) with the KV sampler. Round 1 samples every row
 * until <eos> or the tool's call marker. A row that stopped on a call gets the tool's output
 * appended; the next round re-draws the still-active rows with everything so far forced (earlier
 * model turns and tool output) and samples on, up to `maxTurns` model turns. Each step keeps the
 * log-prob and entropy of the round that sampled it; tool-output steps take the model's values from
 * the round that first saw them forced. A call is answered only when a model token still fits after
 * its output, so every tool-output step is followed by a model turn.
 */
export async function rollOutWithTools(
  task: LanguageTaskSpec,
  tool: TaskTool,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  groupSizes: number[],
  sampling: SamplingParams,
  rng: Rng,
  maxTurns: number,
): Promise<{ groups: ToolGroup[]; sampledTokens: number }> {
  const S = task.maxCompletionLength;
  const prompts = examples.flatMap((ex, q) => Array.from({ length: groupSizes[q] }, () => ex.prompt));
  const rows = prompts.length;
  const tokens = new Int32Array(rows * S).fill(PAD);
  const logp = new Float32Array(rows * S);
  const entropy = new Float32Array(rows * S);
  const forced = new Uint8Array(rows * S);
  const lengths = new Int32Array(rows);
  // Where the next round's output starts being copied: the first tool-output step of the row.
  const copyFrom = new Int32Array(rows);
  let sampledTokens = 0;
  let active = Array.from({ length: rows }, (_, r) => r);

  for (let turn = 1; turn <= maxTurns && active.length > 0; turn++) {
    let prefix: Int32Array | undefined;
    if (turn > 1) {
      prefix = new Int32Array(active.length * S).fill(-1);
      active.forEach((r, i) => prefix!.set(tokens.subarray(r * S, r * S + lengths[r]), i * S));
    }
    const out = await sampleWithKvCache(
      policy.model,
      active.map((r) => prompts[r]),
      S,
      sampling,
      rng,
      { eos: EOS, pad: PAD },
      { ...(prefix ? { forced: prefix } : {}), stopTokens: [tool.callEnd] },
    );
    const next: number[] = [];
    active.forEach((r, i) => {
      const start = lengths[r];
      const end = out.lengths[i];
      const from = copyFrom[r];
      tokens.set(out.tokens.subarray(i * S + start, i * S + end), r * S + start);
      logp.set(out.logp.subarray(i * S + from, i * S + end), r * S + from);
      entropy.set(out.entropy.subarray(i * S + from, i * S + end), r * S + from);
      lengths[r] = end;
      sampledTokens += end - start;
      const output = tool.call(Array.from(tokens.subarray(r * S + start, r * S + end)));
      if (output === null || turn === maxTurns || end + output.length >= S) return;
      tokens.set(output, r * S + end);
      forced.fill(1, r * S + end, r * S + end + output.length);
      copyFrom[r] = end;
      lengths[r] = end + output.length;
      next.push(r);
    });
    active = next;
  }

  let row = 0;
  const groups = examples.map((example, q) => {
    const transcripts: ToolTranscript[] = [];
    for (let g = 0; g < groupSizes[q]; g++, row++) {
      const [from, to] = [row * S, (row + 1) * S];
      const t = { tokens: tokens.subarray(from, to), logp: logp.subarray(from, to), entropy: entropy.subarray(from, to), forced: forced.subarray(from, to), length: lengths[row] };
      transcripts.push({ ...t, turns: parseTurns(t.tokens, t.length, t.forced, tool) });
    }
    const rewards = transcripts.map((t) => task.reward(example, Array.from(t.tokens.subarray(0, t.length))));
    return { example, rewards, transcripts };
  });
  return { groups, sampledTokens };
}
