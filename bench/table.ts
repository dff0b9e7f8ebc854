import type { Results } from './figures';

/** A figure's value as the table shows it: 3 significant digits, thousands separated. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The results as a markdown table (figure, value, unit, how it was measured). */
export function markdownTable(results: Results, opts: { detail?: boolean } = {}): string {
  const detail = opts.detail ?? true;
  const head = detail ? '| figure | value | unit | how |\n|---|---:|---|---|' : '| figure | value | unit |\n|---|---:|---|';
  const rows = Object.entries(results.figures).map(([name, f]) =>
    detail ? `| ${name} | ${formatValue(f.value)} | ${f.unit} | ${cell(f.detail)} |` : `| ${name} | ${formatValue(f.value)} | ${f.unit} |`,
  );
  return [head, ...rows].join('\n');
}
