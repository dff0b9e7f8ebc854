import type { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageTaskSpec } from '../../../tasks/language/language-task';
import type { TaskTool } from './task-tools';
import { runToolLoop, transcriptAt, type ToolTranscript } from './tool-rollout';

/** A transcript of the AEPO tree: `copied` leading steps were copied from its parent (0 for a global sample). */
export interface AepoTranscript extends ToolTranscript {
  copied: number;
}

/** A place to branch: the model's first step after a tool output, and the model turns before it. */
export interface BranchPoint {
  /** Steps copied into a branch from here: everything up to and including the tool output. */
  prefixLength: number;
  /** Model turns (all calls) inside that prefix. */
  turnsUsed: number;
  /** Entropy of the first model step after the tool output, divided by log|V|. */
  entropy: number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * AEPO entropy pre-monitoring (fork code): m = min(k, max(1, ⌊k·σ(β·(H_root − H̄_tool))⌋ + 1))
 * global samples out of a budget of k, entropies normalised by log|V|.
 */
export function globalSampleCount(k: number, hRoot: number, hTool: number, beta: number): number {
  return Math.min(k, Math.max(1, Math.floor(k * sigmoid(beta * (hRoot - hTool))) + 1));
}

/** ARPO/AEPO branch probability with the consecutive-branch penalty: clip((U + w·ΔH)·max(0, 1 − 0.05·l), 0, 1). */
export function branchProbability(u: number, weight: number, deltaH: number, branchesTaken: number): number {
  const p = (u + weight * deltaH) * Math.max(0, 1 - 0.05 * branchesTaken);
  return Math.min(1, Math.max(0, p));
}

/** Normalised entropy of a transcript's first sampled step (H_initial of its trajectory). */
export function rootEntropy(t: Pick<ToolTranscript, 'entropy' | 'length'>, logVocab: number): number {
  return t.length > 0 ? t.entropy[0] / logVocab : 0;
}

/**
 * Every tool call of a transcript that was answered: the tool output runs from the call's end to
 * the next model turn's start, and that start is where a branch re-samples from.
 */
export function branchPoints(t: Pick<ToolTranscript, 'entropy' | 'turns'>, logVocab: number): BranchPoint[] {
  const points: BranchPoint[] = [];
  for (let i = 0; i + 1 < t.turns.length; i++) {
    if (t.turns[i].kind !== 'call') continue;
    const start = t.turns[i + 1].start;
    points.push({ prefixLength: start, turnsUsed: i + 1, entropy: t.entropy[start] / logVocab });
  }
  return points;
}

/**
 * The pre-monitor's two entropies from a probe transcript: H_root = normalised entropy of its
 * first sampled step (the prompt's next-token entropy); H̄_tool = mean normalised entropy of the
 * first model step after each tool output, or H_root when the probe made no answered call.
 */
export function preMonitor(t: Pick<ToolTranscript, 'entropy' | 'length' | 'turns'>, logVocab: number): { hRoot: number; hTool: number } {
  const hRoot = rootEntropy(t, logVocab);
  const points = branchPoints(t, logVocab);
  const hTool = points.length > 0 ? points.reduce((a, b) => a + b.entropy, 0) / points.length : hRoot;
  return { hRoot, hTool };
}

/** A branch to draw: the prompt, the parent transcript, and where to cut it. */
export interface BranchSeed {
  prompt: number[];
  parent: Pick<ToolTranscript, 'tokens' | 'forced'>;
  point: BranchPoint;
}

/**
 * Multi-turn rollouts that start from copied prefixes: each row gets its parent's steps
 * [0, prefixLength) as forced tokens (tool output keeps forced = 1, copied model steps keep
 * forced = 0 so turns still parse) and the model samples the rest, calling the tool up to
 * `maxTurns` model turns in all, prefix turns included.
 */
export async function rollOutBranches(
  task: LanguageTaskSpec,
  tool: TaskTool,
  policy: LanguagePolicy,
  seeds: readonly BranchSeed[],
  sampling: SamplingParams,
  rng: Rng,
  maxTurns: number,
): Promise<{ transcripts: AepoTranscript[]; sampledTokens: number }> {
  const S = task.maxCompletionLength;
  const rows = seeds.map((s) => {
    const L = s.point.prefixLength;
    return { prompt: s.prompt, prefix: { tokens: s.parent.tokens.subarray(0, L), forced: s.parent.forced.subarray(0, L) }, turnsUsed: s.point.turnsUsed };
  });
  const loop = await runToolLoop(policy, tool, S, rows, sampling, rng, maxTurns);
  const transcripts = seeds.map((s, r) => ({ ...transcriptAt(loop, r, S, tool), copied: s.point.prefixLength }));
  return { transcripts, sampledTokens: loop.sampledTokens };
}
