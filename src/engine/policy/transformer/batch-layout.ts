import { BLOCKED } from './transformer';

/**
 * Prompts of different lengths are left-padded to one width P. Each real token's position counts
 * from that row's first real token, and padded keys are blocked, so a prompt gives the same
 * numbers whatever its padding.
 */
export interface PromptLayout {
  rows: number;
  width: number;
  tokens: Int32Array; // [rows × width]
  pads: Int32Array; // leading pads per row
}

export function layoutPrompts(prompts: number[][], padId: number): PromptLayout {
  const width = Math.max(...prompts.map((p) => p.length));
  const tokens = new Int32Array(prompts.length * width).fill(padId);
  const pads = new Int32Array(prompts.length);
  prompts.forEach((p, r) => {
    pads[r] = width - p.length;
    tokens.set(p, r * width + pads[r]);
  });
  return { rows: prompts.length, width, tokens, pads };
}

/** Positions [rows × t] for t tokens starting at absolute column `from`. */
export function positionsFor(pads: Int32Array, from: number, t: number): Int32Array {
  const out = new Int32Array(pads.length * t);
  pads.forEach((pad, r) => {
    for (let i = 0; i < t; i++) out[r * t + i] = Math.max(0, from + i - pad);
  });
  return out;
}

/**
 * Additive mask [rows × 1 × t × (from + t)]: query i (absolute column from+i) sees keys 0..from+i,
 * except the row's leading pads.
 */
export function paddedCausalMask(pads: Int32Array, from: number, t: number): Float32Array {
  const width = from + t;
  const out = new Float32Array(pads.length * t * width);
  pads.forEach((pad, r) => {
    for (let i = 0; i < t; i++) {
      const base = (r * t + i) * width;
      for (let j = 0; j < width; j++) {
        if (j < pad || j > from + i) out[base + j] = BLOCKED;
      }
    }
  });
  return out;
}
