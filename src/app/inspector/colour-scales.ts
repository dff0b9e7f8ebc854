import type { RolloutGroupSample } from '../store/run-types';

/** What a token chip's colour encodes. */
export type InspectorMode = 'advantage' | 'entropy' | 'probability';

export const INSPECTOR_MODES: readonly InspectorMode[] = ['advantage', 'entropy', 'probability'];

type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu (red = negative, near-white = 0, blue = positive). */
const DIVERGING: readonly Rgb[] = [
  [178, 24, 43],
  [239, 138, 98],
  [247, 247, 247],
  [103, 169, 207],
  [33, 102, 172],
];
/** ColorBrewer YlOrBr: pale = certain, dark brown = uncertain. */
const ENTROPY: readonly Rgb[] = [
  [255, 250, 228],
  [254, 217, 118],
  [254, 153, 41],
  [217, 95, 14],
  [140, 45, 4],
];
/** ColorBrewer Greens: pale = unlikely, dark green = likely. */
const PROBABILITY: readonly Rgb[] = [
  [247, 252, 245],
  [199, 233, 192],
  [116, 196, 118],
  [35, 139, 69],
  [0, 68, 27],
];

function hex(c: Rgb): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour at t ∈ [0, 1] along evenly spaced stops (t is clamped; NaN reads as 0.5). */
export function interpolate(stops: readonly Rgb[], t: number): Rgb {
  const u = Number.isNaN(t) ? 0.5 : Math.min(1, Math.max(0, t));
  const x = u * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** Relative luminance (sRGB), to choose dark or light text on a chip. */
function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The smallest 1, 1.25, 1.5, 2, 2.5, 3, 4, 5 or 7.5 × 10^k at or above v (a round scale end). */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10].find((m) => m * p >= v - 1e-12) ?? 10) * p;
}

export interface ChipColour {
  background: string;
  color: string;
}

export interface ColourScale {
  mode: InspectorMode;
  /** Value range the colours span: [-m, m] for advantage, [0, max] otherwise. */
  domain: [number, number];
  /** Chip colours for a value. */
  chip(value: number): ChipColour;
  /** CSS gradient of the whole scale, left = domain[0]. */
  gradient: string;
  /** What the scale's ends mean, e.g. ['worse', 'better']. */
  ends: [string, string];
  unit: string;
}

/** The value a token shows in a mode. */
export function tokenValue(mode: InspectorMode, t: { advantage: number; entropy: number; prob: number }): number {
  return mode === 'advantage' ? t.advantage : mode === 'entropy' ? t.entropy : t.prob;
}

/**
 * The colour scale for one group: advantage is symmetric about 0 and spans the group's largest
 * |A|; entropy spans 0 to the group's largest entropy (rounded up); probability is always [0, 1].
 */
export function colourScale(mode: InspectorMode, sample: RolloutGroupSample | undefined): ColourScale {
  const values = (sample?.completions ?? []).flatMap((c) => c.tokens.map((t) => tokenValue(mode, t))).filter(Number.isFinite);
  let domain: [number, number];
  let stops: readonly Rgb[];
  if (mode === 'advantage') {
    const m = niceCeil(Math.max(0, ...values.map(Math.abs)));
    domain = [-m, m];
    stops = DIVERGING;
  } else if (mode === 'entropy') {
    domain = [0, niceCeil(Math.max(0.05, ...values))];
    stops = ENTROPY;
  } else {
    domain = [0, 1];
    stops = PROBABILITY;
  }
  const [lo, hi] = domain;
  const chip = (value: number): ChipColour => {
    const c = interpolate(stops, (value - lo) / (hi - lo));
    return { background: hex(c), color: luminance(c) < 0.2 ? '#ffffff' : '#1f2937' };
  };
  const gradient = `linear-gradient(to right, ${stops.map((s, i) => `${hex(s)} ${((100 * i) / (stops.length - 1)).toFixed(0)}%`).join(', ')})`;
  const ends: [string, string] =
    mode === 'advantage' ? ['worse', 'better'] : mode === 'entropy' ? ['certain', 'uncertain'] : ['unlikely', 'likely'];
  return { mode, domain, chip, gradient, ends, unit: mode === 'entropy' ? 'nats' : '' };
}

/** Signed text for an advantage: +1.06, −0.35, 0. */
export function signed(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v).toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return `${v > 0 ? '+' : '−'}${s}`;
}

/** CSS class for the sign of a value: pos, neg or zero. */
export function signClass(v: number): 'pos' | 'neg' | 'zero' {
  return Math.abs(v) < 5e-3 ? 'zero' : v > 0 ? 'pos' : 'neg';
}
