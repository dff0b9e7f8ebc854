import { Rng } from '../../../core/rng';
import type { LanguagePolicy } from '../../../policy/language-policy';
import type { SamplingParams } from '../../../policy/transformer/sampling-filters';
import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';
import { evaluateLanguage, passRates, type EvalResult } from '../../../trainer/evaluate-language';
import { DEFAULT_MAX_TURNS, toolOf } from './task-tools';
import { rollOutWithTools } from './tool-rollout';

/**
 * Held-out pass@1 and pass@k as evaluateLanguage measures them, except that a task with a tool is
 * rolled out with it (its transcripts need the tool's output to be right); other tasks go to
 * evaluateLanguage unchanged.
 */
export async function evaluateLanguageWithTools(
  task: LanguageTaskSpec,
  policy: LanguagePolicy,
  examples: LanguageExample[],
  n: number,
  k: number,
  sampling: SamplingParams,
  seed: number,
  maxTurns = DEFAULT_MAX_TURNS,
): Promise<EvalResult> {
  const tool = toolOf(task.id);
  if (!tool) return evaluateLanguage(task, policy, examples, n, k, sampling, seed);
  const { groups } = await rollOutWithTools(task, tool, policy, examples, examples.map(() => n), sampling, new Rng(seed), maxTurns);
  const correct = groups.map((g) => g.transcripts.filter((t) => task.isCorrect(g.example, Array.from(t.tokens.subarray(0, t.length)))).length);
  return passRates(correct, n, k);
}
