import { describe, expect, it } from 'vitest';
import { overlongPenalty } from './overlong-penalty.module';

describe('DAPO overlong penalty (algorithms-llm.md §1.3, Appendix C)', () => {
  it('L_max 20, L_cache 4: lengths 10/16/17/18/20 → 0, 0, −0.25, −0.5, −1', () => {
    expect([10, 16, 17, 18, 20].map((l) => overlongPenalty(l, 20, 4))).toEqual([0, 0, -0.25, -0.5, -1]);
  });
});
