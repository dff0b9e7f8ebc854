import { describe, expect, it } from 'vitest';
import { branchPoints, branchProbability, globalSampleCount, preMonitor, sigmoid } from './aepo-branching';
import type { Turn } from './turns';

describe('AEPO entropy pre-monitoring (§11)', () => {
  it('k = 16, H_root = 0.6, H̄_tool = 0.3: k·σ(0.15) = 8.60 and the fork gives m = 9', () => {
    expect(16 * sigmoid(0.5 * (0.6 - 0.3))).toBeCloseTo(8.6, 2);
    expect(globalSampleCount(16, 0.6, 0.3, 0.5)).toBe(9);
  });
  it('m stays in [1, k]', () => {
    expect(globalSampleCount(8, 0, 0, 0.5)).toBe(5); // ⌊8·0.5⌋ + 1
    expect(globalSampleCount(8, 1, 0, 50)).toBe(8); // ⌊8·σ(50)⌋ + 1 = 9 → k
    expect(globalSampleCount(8, 0, 1, 50)).toBe(1);
  });
  it('H_root is the first step, H̄_tool the mean over first steps after tool outputs (H_root without calls)', () => {
    const logV = Math.log(10);
    // steps: model 0..2 (call), tool 3..4, model 5..7 (call), tool 8, model 9..10 (answer)
    const entropy = Float32Array.from([0.6, 0, 0, 0, 0, 0.2, 0, 0, 0, 0.4, 0].map((h) => h * logV));
    const turns: Turn[] = [
      { start: 0, end: 3, kind: 'call' },
      { start: 5, end: 8, kind: 'call' },
      { start: 9, end: 11, kind: 'answer' },
    ];
    const pts = branchPoints({ entropy, turns }, logV);
    expect(pts.map((p) => [p.prefixLength, p.turnsUsed])).toEqual([
      [5, 1],
      [9, 2],
    ]);
    const { hRoot, hTool } = preMonitor({ entropy, turns, length: 11 }, logV);
    expect(hRoot).toBeCloseTo(0.6, 6);
    expect(hTool).toBeCloseTo(0.3, 6);
    expect(preMonitor({ entropy, turns: [{ start: 0, end: 11, kind: 'answer' }], length: 11 }, logV).hTool).toBeCloseTo(0.6, 6);
  });
});

describe('AEPO branch probability with the consecutive-branch penalty', () => {
  it('matches hand numbers', () => {
    // (0.4 + 0.2·0.5)·(1 − 0) = 0.5 → branches at τ = 0.5
    expect(branchProbability(0.4, 0.2, 0.5, 0)).toBeCloseTo(0.5, 12);
    // after 2 branches: 0.5·(1 − 0.1) = 0.45 < τ
    expect(branchProbability(0.4, 0.2, 0.5, 2)).toBeCloseTo(0.45, 12);
    // (0.7 − 0.2·0.5)·(1 − 0.25) = 0.45
    expect(branchProbability(0.7, 0.2, -0.5, 5)).toBeCloseTo(0.45, 12);
  });
  it('clips to [0, 1] and the penalty reaches 0 at l = 20', () => {
    expect(branchProbability(0.95, 0.2, 1, 0)).toBe(1);
    expect(branchProbability(0.05, 0.2, -1, 0)).toBe(0);
    expect(branchProbability(0.99, 0.2, 1, 20)).toBe(0);
    expect(branchProbability(0.99, 0.2, 1, 30)).toBe(0);
  });
});
