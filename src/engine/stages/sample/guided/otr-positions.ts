import type { SampledCompletions } from '../../../policy/transformer/kv-sampler';
import type { LanguageExample } from '../../../tasks/language/language-task';
import type { DrawnGroup } from '../group-prompts';

/** One state of a demonstration: s_t = (x, y*_<t), and the token y*_t the demonstration takes there. */
export interface OtrPosition {
  example: LanguageExample;
  /** x (which ends with <sep>) followed by y*_<t: the completion starts after <sep>, so this extends it. */
  prompt: number[];
  truth: number;
}

/** Every position of each demonstration (its <eos> included). */
export function otrPositions(examples: LanguageExample[], demos: number[][]): OtrPosition[] {
  return examples.flatMap((example, q) => demos[q].map((truth, t) => ({ example, prompt: [...example.prompt, ...demos[q].slice(0, t)], truth })));
}

/** OTR's token reward ρ(a) = +1 if a = y*_t, −β otherwise (algorithms-llm.md §23, [inferred]). */
export function otrAdvantage(token: number, truth: number, beta: number): number {
  return token === truth ? 1 : -beta;
}

/**
 * The K one-token completions of each position as a group with its own prompt: each row is a
 * length-1 trajectory whose advantage is fixed to ρ (REINFORCE), its reward 1 on a hit, else 0.
 * `sampled` holds positions × K rows of one step each, position by position.
 */
export function otrGroups(positions: OtrPosition[], sampled: SampledCompletions, k: number, beta: number, forced?: Int32Array): DrawnGroup[] {
  return positions.map((pos, i) => {
    const rows = Array.from({ length: k }, (_, j) => {
      const r = i * k + j;
      const token = sampled.tokens[r];
      return {
        tokens: sampled.tokens.subarray(r, r + 1),
        logp: sampled.logp.subarray(r, r + 1),
        entropy: sampled.entropy.subarray(r, r + 1),
        length: 1,
        advantage: otrAdvantage(token, pos.truth, beta),
        ...(forced ? { forced: Uint8Array.of(forced[r] >= 0 ? 1 : 0) } : {}),
      };
    });
    return { example: pos.example, prompt: pos.prompt, rows, rewards: rows.map((row) => (row.tokens[0] === pos.truth ? 1 : 0)) };
  });
}

/** Share of positions where at least one sampled (not forced) candidate equals y*_t. */
export function otrHitFrac(groups: DrawnGroup[]): number {
  if (groups.length === 0) return 0;
  const hits = groups.filter((g) => g.rows.some((row, j) => !row.forced?.[0] && g.rewards[j] === 1)).length;
  return hits / groups.length;
}
