/** Distinct, colour-blind-friendly run colours (Okabe–Ito, then Tableau), assigned in order. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#6b4c9a', '#7f7f7f'];

/** The first palette colour no current run uses (cycling once all are taken). */
export function nextRunColour(used: readonly string[]): string {
  return PALETTE.find((c) => !used.includes(c)) ?? PALETTE[used.length % PALETTE.length];
}
