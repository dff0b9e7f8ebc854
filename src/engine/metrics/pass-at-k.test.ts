import { describe, expect, it } from 'vitest';
import { passAtK } from './pass-at-k';

describe('unbiased pass@k', () => {
  it('pass@1 is the share of correct samples', () => expect(passAtK(16, 4, 1)).toBeCloseTo(0.25, 12));
  it('n = 4, c = 1, k = 2: 1 − C(3,2)/C(4,2) = 1 − 3/6 = 0.5', () => expect(passAtK(4, 1, 2)).toBeCloseTo(0.5, 12));
  it('n = 16, c = 2, k = 8: 1 − C(14,8)/C(16,8) = 1 − 3003/12870 = 0.76667', () =>
    expect(passAtK(16, 2, 8)).toBeCloseTo(1 - 3003 / 12870, 10));
  it('is 1 when fewer than k samples fail, 0 when none is correct', () => {
    expect(passAtK(16, 10, 8)).toBe(1);
    expect(passAtK(16, 0, 16)).toBe(0);
  });
});
