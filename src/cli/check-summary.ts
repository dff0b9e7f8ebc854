import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { LessonCheckResult } from '../experiments/lessons/check-lesson';

/**
 * Turns the JSON that `npm run check:all` writes (`lab check all --json`, one LessonCheckResult per
 * lesson) into a Markdown table on stdout:
 *   npx tsx src/cli/check-summary.ts [check-results.json]
 */

/** A table cell: pipes escaped, line breaks as <br> so that a cell stays on one row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function num(v: number | null): string {
  // JSON.stringify writes NaN as null: a run whose curve never had the metric.
  return v === null || !Number.isFinite(v) ? '–' : v.toFixed(4);
}

export function checkSummaryMarkdown(results: LessonCheckResult[]): string {
  const lines = [
    '| lesson | claim | metric (seeds) | measured per run, one value per seed | result | mechanism |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const measured = Object.entries(r.values)
      .map(([label, vs]) => `${label}: ${vs.map(num).join(', ')}`)
      .join('\n');
    const pairs = r.pairs.map((p) => `${p.higher} > ${p.lower}: ${p.held}/${p.of}`).join('\n');
    const result = `${r.held ? 'held' : 'not held'}\n${pairs}`;
    const mechanism = r.mechanism ? (r.held ? 'yes' : 'yes, **failed**') : 'no';
    lines.push(`| ${[r.lesson, r.claim, `${r.metric} (${r.seeds.join(', ')})`, measured, result, mechanism].map(cell).join(' | ')} |`);
  }
  const held = results.filter((r) => r.held).length;
  const mechanisms = results.filter((r) => r.mechanism);
  const failed = mechanisms.filter((r) => !r.held).length;
  lines.push('', `${results.length} lessons: ${held} claims held; ${mechanisms.length} mechanisms, ${failed} of them failed.`);
  return lines.join('\n') + '\n';
}

/** The minimal shape check: a clear message instead of a TypeError deep in the formatter. */
export function parseCheckResults(json: unknown): LessonCheckResult[] {
  if (!Array.isArray(json)) throw new Error('expected an array of lesson check results (lab check all --json)');
  json.forEach((r: Partial<LessonCheckResult>, i) => {
    const ok = r && typeof r.lesson === 'string' && typeof r.values === 'object' && r.values !== null && Array.isArray(r.pairs) && Array.isArray(r.seeds);
    if (!ok) throw new Error(`entry ${i} is not a lesson check result (needs lesson, claim, metric, seeds, values, pairs, held, mechanism)`);
  });
  return json as LessonCheckResult[];
}

function main(): void {
  const file = process.argv[2] ?? 'check-results.json';
  try {
    process.stdout.write(checkSummaryMarkdown(parseCheckResults(JSON.parse(readFileSync(file, 'utf8')))));
  } catch (e) {
    process.stderr.write(`check-summary: ${file}: ${e instanceof Error ? e.message : e}\n`);
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
