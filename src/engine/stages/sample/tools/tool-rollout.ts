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

/** A row of the tool loop: its prompt, and the transcript it starts from (a branch's copied prefix). */
export interface ToolLoopRow {
  prompt: number[];
  prefix?: { tokens: Int32Array; forced: Uint8Array };
  /** Model turns the prefix already took (they count toward maxTurns). */
  turnsUsed: number;
}

/** Every row's transcript, [rows × S] each, and the tokens the model sampled. */
export interface ToolLoopResult {
  tokens: Int32Array;
  logp: Float32Array;
  entropy: Float32Array;
  forced: Uint8Array;
  lengths: Int32Array;
  sampledTokens: number;
}

/**
 * The multi-turn loop (SimpleTIR `run_llm_loop`) with the KV sampler. Each round samples every
 * active row until <eos> or the tool's call marker, with everything so far forced (a starting
 * prefix, earlier model turns, tool output). A row that stopped on a call gets the tool's output
 * appended and stays active, up to `maxTurns` model turns. Each step keeps the log-prob and entropy
 * of the round that sampled it; tool-output and prefix steps take the model's values from the round
 * that first saw them forced. A call is answered only when a model token still fits after its
 * output, so every tool-output step is followed by a model turn.
 */
export async function runToolLoop(
  policy: LanguagePolicy,
  tool: TaskTool,
  S: number,
  rows: readonly ToolLoopRow[],
  sampling: SamplingParams,
  rng: Rng,
  maxTurns: number,
): Promise<ToolLoopResult> {
  const n = rows.length;
  const tokens = new Int32Array(n * S).fill(PAD);
  const logp = new Float32Array(n * S);
  const entropy = new Float32Array(n * S);
  const forced = new Uint8Array(n * S);
  const lengths = new Int32Array(n);
  const turnsUsed = new Int32Array(n);
  // Where the next round's output starts being copied: the first step the model has not scored yet.
  const copyFrom = new Int32Array(n);
  rows.forEach((row, r) => {
    turnsUsed[r] = row.turnsUsed;
    if (!row.prefix) return;
    const L = row.prefix.tokens.length;
    tokens.set(row.prefix.tokens, r * S);
    forced.set(row.prefix.forced, r * S);
    lengths[r] = L;
  });
  let sampledTokens = 0;
  let active = rows.map((_, r) => r).filter((r) => turnsUsed[r] < maxTurns);

  while (active.length > 0) {
    let prefix: Int32Array | undefined;
    if (active.some((r) => lengths[r] > 0)) {
      prefix = new Int32Array(active.length * S).fill(-1);
      active.forEach((r, i) => prefix!.set(tokens.subarray(r * S, r * S + lengths[r]), i * S));
    }
    const out = await sampleWithKvCache(
      policy.model,
      active.map((r) => rows[r].prompt),
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
      turnsUsed[r] += 1;
      sampledTokens += end - start;
      const output = tool.call(Array.from(tokens.subarray(r * S + start, r * S + end)));
      if (output === null || turnsUsed[r] >= maxTurns || end + output.length >= S) return;
      tokens.set(output, r * S + end);
      forced.fill(1, r * S + end, r * S + end + output.length);
      copyFrom[r] = end;
      lengths[r] = end + output.length;
      next.push(r);
    });
    active = next;
  }
  return { tokens, logp, entropy, forced, lengths, sampledTokens };
}

/** Row r of a loop result as a transcript, its turns parsed. */
export function transcriptAt(loop: ToolLoopResult, r: number, S: number, tool: TaskTool): ToolTranscript {
  const [from, to] = [r * S, (r + 1) * S];
  const t = { tokens: loop.tokens.subarray(from, to), logp: loop.logp.subarray(from, to), entropy: loop.entropy.subarray(from, to), forced: loop.forced.subarray(from, to), length: loop.lengths[r] };
  return { ...t, turns: parseTurns(t.tokens, t.length, t.forced, tool) };
}

/** groupSizes[q] multi-turn rollouts of examples[q], each from an empty transcript (see runToolLoop). */
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
  const rows = examples.flatMap((ex, q) => Array.from({ length: groupSizes[q] }, () => ({ prompt: ex.prompt, turnsUsed: 0 })));
  const loop = await runToolLoop(policy, tool, S, rows, sampling, rng, maxTurns);
  let row = 0;
  const groups = examples.map((example, q) => {
    const transcripts: ToolTranscript[] = [];
    for (let g = 0; g < groupSizes[q]; g++, row++) transcripts.push(transcriptAt(loop, row, S, tool));
    const rewards = transcripts.map((t) => task.reward(example, Array.from(t.tokens.subarray(0, t.length))));
    return { example, rewards, transcripts };
  });
  return { groups, sampledTokens: loop.sampledTokens };
}
