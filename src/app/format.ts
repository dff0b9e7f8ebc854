/** Short number text for labels, axes and cards: 3e-4, 0.002, 0.2, 1.2k, 586. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6) return `${trim((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${trim((v / 1e3).toPrecision(3))}k`;
  if (a >= 1000) return String(Math.round(v));
  if (a < 1e-3) return v.toExponential(hasMoreDigits(v) ? 1 : 0).replace(/\.0e/, 'e');
  return trim(v.toPrecision(3));
}

function hasMoreDigits(v: number): boolean {
  const m = Math.abs(v) / 10 ** Math.floor(Math.log10(Math.abs(v)));
  return Math.abs(m - Math.round(m)) > 1e-9;
}

function trim(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** 000,123 — the zero-padded update counter of TensorFlow Playground and GAN Lab. */
export function formatCounter(n: number): string {
  return String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
