import { describe, expect, it } from 'vitest';
import { grpoAdvantages, sequenceRewards } from '../../advantage/grpo.module';
import { assembleLanguageBatch } from '../group-prompts';
import { EOS, PAD, encode } from '../../../tasks/language/vocab';
import { demonstrationRow } from './demonstration-rows';
import { hptGroups, routesToSft } from './hpt-routing';
import { fixtureExample, fixtureGroup, fixtureRow } from './drawn-fixtures';

const S = 6;

describe('HPT routing (algorithms-llm.md §22)', () => {
  it('γ = 0: a prompt with 0/8 correct goes to SFT, one with 3/8 stays RL; γ = 3 sends 3/8 to SFT too', () => {
    expect(routesToSft([0, 0, 0, 0, 0, 0, 0, 0], 0, 1)).toBe(true);
    expect(routesToSft([1, 1, 1, 0, 0, 0, 0, 0], 0, 1)).toBe(false);
    expect(routesToSft([1, 1, 1, 0, 0, 0, 0, 0], 3, 1)).toBe(true);
  });

  it('a demonstration row is the demo tokens, all forced, cut to its length, with A = c_SFT', () => {
    const demo = [...encode('cba'), EOS];
    // The sampler kept going after the forced <eos>: the drawn row is longer than the demonstration.
    const drawn = { ...fixtureRow(6, S), logp: Float32Array.of(-0.1, -0.2, -0.3, -0.4, -0.5, -0.6) };
    const row = demonstrationRow(drawn, demo, S, 0.3);
    expect(row.length).toBe(4);
    expect(Array.from(row.tokens)).toEqual([...demo, PAD, PAD]);
    expect(Array.from(row.logp)).toEqual(Array.from(Float32Array.of(-0.1, -0.2, -0.3, -0.4)));
    expect(Array.from(row.forced!)).toEqual([1, 1, 1, 1]);
    expect(row.advantage).toBe(0.3);
  });

  it('§22 example: A (0/8) trains on its demonstration with A = c_SFT, B (3/8) keeps GRPO A = [1.2076 ×3, −0.7246 ×5]', () => {
    const a = fixtureExample('abc', 'cba');
    const b = fixtureExample('xyz', 'zyx');
    const groups = [fixtureGroup(a, [0, 0, 0, 0, 0, 0, 0, 0], S), fixtureGroup(b, [1, 1, 1, 0, 0, 0, 0, 0], S)];
    const sft = groups.map((g) => routesToSft(g.rewards, 0, 1));
    expect(sft).toEqual([true, false]);
    const demo = demonstrationRow(fixtureRow(6, S), [...encode('cba'), EOS], S, 1);
    const batch = assembleLanguageBatch(hptGroups(groups, sft, [demo], [1]), S, 40, 52, 1);

    // Prompt A's 8 rollouts are gone: one sequence, its demonstration, fixed at c_SFT.
    expect(batch.seqs).toHaveLength(9);
    expect(batch.seqs[0]).toMatchObject({ group: 0, length: 4, advantage: 1 });
    expect(batch.lm!.prompts[0]).toEqual(a.prompt);
    expect(Array.from(batch.forced!.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    expect(batch.seqs.slice(1).every((s) => s.advantage === undefined && s.group === 1)).toBe(true);

    const { rewards, groups: ids } = sequenceRewards(batch);
    const adv = grpoAdvantages(rewards, ids, 'group');
    for (let i = 1; i <= 3; i++) expect(adv[i]).toBeCloseTo(1.2076, 4);
    for (let i = 4; i <= 8; i++) expect(adv[i]).toBeCloseTo(-0.7246, 4);
  });
});
