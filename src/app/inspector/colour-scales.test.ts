import { describe, expect, it } from 'vitest';
import type { RolloutGroupSample } from '../store/run-types';
import { colourScale, interpolate, niceCeil, signClass, signed } from './colour-scales';
import { splitPrompt, tokenText } from './token-text';

const tok = (advantage: number, entropy: number, prob: number) => ({ id: 4, label: 'a', prob, entropy, advantage, top: [] });
const sample: RolloutGroupSample = {
  step: 3,
  prompt: '<bos>ab?<sep>',
  completions: [
    { reward: 1, advantage: 1.3, tokens: [tok(1.3, 0.2, 0.9), tok(1.3, 0.7, 0.6)] },
    { reward: 0, advantage: -0.4, tokens: [tok(-0.4, 0.1, 0.99)] },
  ],
};

describe('inspector colour scales', () => {
  it('interpolates between stops and clamps', () => {
    const stops = [
      [0, 0, 0],
      [100, 200, 250],
    ] as const;
    expect(interpolate(stops, 0.5)).toEqual([50, 100, 125]);
    expect(interpolate(stops, -1)).toEqual([0, 0, 0]);
    expect(interpolate(stops, 2)).toEqual([100, 200, 250]);
  });

  it('spans a symmetric advantage range and a rounded entropy range', () => {
    expect(colourScale('advantage', sample).domain).toEqual([-1.5, 1.5]);
    expect(colourScale('entropy', sample).domain).toEqual([0, 0.75]);
    expect(colourScale('probability', sample).domain).toEqual([0, 1]);
    // An all-zero group (every completion equally good) still has a usable scale.
    expect(colourScale('advantage', { ...sample, completions: [{ reward: 1, advantage: 0, tokens: [tok(0, 0, 1)] }] }).domain).toEqual([-1, 1]);
  });

  it('colours zero advantage near-white, negative red, positive blue, with readable text', () => {
    const s = colourScale('advantage', sample);
    expect(s.chip(0).background).toBe('#f7f7f7');
    expect(s.chip(-1.5)).toEqual({ background: '#b2182b', color: '#ffffff' });
    expect(s.chip(1.5).background).toBe('#2166ac');
    expect(s.chip(0).color).toBe('#1f2937');
  });

  it('formats signed values and their sign', () => {
    expect(signed(1.061)).toBe('+1.06');
    expect(signed(-0.35)).toBe('−0.35');
    expect(signed(-0.0001)).toBe('0.00');
    expect(signClass(0.5)).toBe('pos');
    expect(signClass(-0.5)).toBe('neg');
    expect(signClass(0)).toBe('zero');
    expect(niceCeil(1.3)).toBe(1.5);
    expect(niceCeil(0.21)).toBe(0.25);
    expect(niceCeil(0)).toBe(1);
  });

  it('splits prompts into tokens and names special tokens', () => {
    expect(splitPrompt('<bos>ab ?<sep>')).toEqual(['<bos>', 'a', 'b', ' ', '?', '<sep>']);
    expect(tokenText('<eos>')).toEqual({ text: 'eos', special: true, eos: true });
    expect(tokenText(' ').text).toBe('␣');
    expect(tokenText('<').text).toBe('<');
  });
});
