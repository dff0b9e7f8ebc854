/**
 * `npm run bench [-- --smoke] [--out FILE] [--no-build] [--no-browser] [--only matmul,cartpole,lm,memory,ui]`
 *
 * The benchmark suite: engine figures in Node, in-browser figures in headless Chromium (the built
 * bench page and the lab page), all in this one run so that ratios between them hold on a noisy
 * machine. Prints a markdown table and writes {machine, date, figures} to --out
 * (default bench/results.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL, SMOKE } from './budgets';
import type { Figures, Results } from './figures';
import { missing } from './figures';
import { nodeFigures } from './node-figures';
import { benchPageFigures, openBrowser, uiFigures, type BrowserSession } from './browser-figures';
import { markdownTable } from './table';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GROUPS = ['matmul', 'cartpole', 'lm', 'memory', 'ui'];
const BUILD_DIR = 'bench/tmp/dist';

interface Args {
  smoke: boolean;
  out: string;
  build: boolean;
  only: string[];
  browser: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { smoke: false, out: resolve(ROOT, 'bench/results.json'), build: true, only: GROUPS, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--smoke') args.smoke = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--no-browser') args.browser = false;
    else if (a === '--out') args.out = resolve(process.cwd(), value());
    else if (a.startsWith('--out=')) args.out = resolve(process.cwd(), a.slice(6));
    else if (a === '--only') args.only = value().split(',');
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--smoke] [--out FILE] [--no-build] [--no-browser] [--only ' + GROUPS.join(',') + ']');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  const bad = args.only.filter((g) => !GROUPS.includes(g));
  if (bad.length) throw new Error(`--only: unknown group ${bad.join(', ')} (groups: ${GROUPS.join(', ')})`);
  return args;
}

const log = (s: string) => process.stderr.write(s + '\n');

function loadavg(): number[] {
  return os.loadavg().map((x) => Number(x.toFixed(2)));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const budget = args.smoke ? SMOKE : FULL;
  const only = (g: string) => args.only.includes(g);
  const t0 = performance.now();
  const loadStart = loadavg();
  log(`bench: ${args.smoke ? 'smoke' : 'full'} suite, ${os.cpus().length} CPUs, load ${loadStart.join(' ')}`);

  // The bench builds its own copy of the app (never touching dist/, which a browser test may be
  // serving); --no-build serves dist/ as `vite build` left it (npm test builds it first).
  const outDir = args.build ? BUILD_DIR : 'dist';
  if (args.build) {
    log(`bench: vite build --outDir ${BUILD_DIR}`);
    execFileSync('npx', ['vite', 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  const figures: Figures = {};
  Object.assign(figures, await nodeFigures(budget, log, only));

  let chromium = 'not started';
  if (args.browser) {
    let session: BrowserSession | undefined;
    try {
      session = await openBrowser(ROOT, outDir);
      chromium = session.version;
      log(`bench: Chromium ${chromium} at ${session.baseUrl}`);
      Object.assign(figures, await benchPageFigures(session, budget, log, only));
      if (only('ui')) Object.assign(figures, await uiFigures(session, budget, log));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`bench: browser figures failed: ${message}`);
      figures['browser'] = missing('', `the browser part did not run: ${message}`);
    } finally {
      await session?.close();
    }
  }

  const cpus = os.cpus();
  const results: Results = {
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cpus: cpus.length,
      memory_gib: Number((os.totalmem() / 2 ** 30).toFixed(1)),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium,
      // Other processes may share the CPUs: the 1/5/15-minute load averages at the start and end.
      load_start: loadStart,
      load_end: loadavg(),
    },
    date: new Date().toISOString(),
    suite: args.smoke ? 'smoke' : 'full',
    wall_s: Number(((performance.now() - t0) / 1000).toFixed(1)),
    figures: sortFigures(figures),
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(results, null, 1) + '\n');

  const failed = Object.entries(results.figures).filter(([, f]) => f.value === null && f.detail.startsWith('failed'));
  console.log(`\n## PG Lab benchmarks (${results.suite}, ${results.date})\n`);
  console.log(`${results.machine.cpu} × ${results.machine.cpus}, Node ${process.version}, Chromium ${chromium}; load ${loadStart.join(' ')} → ${results.machine.load_end}\n`);
  console.log(markdownTable(results));
  console.log(`\nwrote ${args.out} in ${results.wall_s} s${failed.length ? `; ${failed.length} figure(s) failed: ${failed.map(([n]) => n).join(', ')}` : ''}`);
  return failed.length || figures['browser'] ? 1 : 0;
}

/** The figures in a stable order: by group, then name. */
function sortFigures(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
