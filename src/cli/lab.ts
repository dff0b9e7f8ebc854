import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatConfigErrors, parseRunConfig, BACKENDS } from '../engine/config/schema';
import { listRegistry } from '../engine/registry/registry';
import { findPreset, PRESETS } from '../experiments/presets';
import { runHeadless } from './run-headless';
import { rowsToCsv } from './rows-to-csv';
import { LESSONS, findLesson } from '../experiments/lessons/lessons';
import { checkLesson } from '../experiments/lessons/check-lesson';

const USAGE = `usage:
  npm run lab -- run <preset-id|config.json> [--steps N] [--seed S] [--backend B] [--out file.json]
  npm run lab -- check <lesson-id|all> [--seeds N] [--updates N] [--json file.json]
  npm run lab -- list [--json]
presets: ${PRESETS.map((p) => p.id).join(', ')}
backends: ${BACKENDS.join(', ')} (default in Node: wasm)`;

function fail(message: string): never {
  process.stderr.write(`lab: ${message}\n`);
  process.exit(2);
}

function loadConfig(source: string): unknown {
  const preset = findPreset(source);
  if (preset) return structuredClone(preset.config);
  if (source.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(source, 'utf8'));
    } catch (e) {
      fail(`cannot read ${source}: ${e instanceof Error ? e.message : e}`);
    }
  }
  fail(`"${source}" is neither a preset id nor a .json file\n${USAGE}`);
}

function intFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) fail(`--${name} must be a non-negative integer, got "${v}"`);
  return Number(v);
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      steps: { type: 'string' },
      seed: { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) fail(`run takes one preset id or config file\n${USAGE}`);
  const raw = loadConfig(positionals[0]) as Record<string, unknown>;
  const steps = intFlag('steps', values.steps);
  const seed = intFlag('seed', values.seed);
  if (steps !== undefined) raw.schedule = { ...(raw.schedule as object), updates: steps };
  if (seed !== undefined) raw.seed = seed;
  raw.backend = values.backend ?? (raw.backend && raw.backend !== 'auto' ? raw.backend : 'wasm');
  const parsed = parseRunConfig(raw);
  if (!parsed.ok) fail(`invalid config:\n${formatConfigErrors(parsed.errors)}`);
  const total = parsed.config.schedule.updates;
  let lastPrint = 0;
  const result = await runHeadless(parsed.config, {
    onRow: (row) => {
      const now = Date.now();
      if (now - lastPrint < 1000 && row.step !== total) return;
      lastPrint = now;
      const ret = row['episode/return_mean'];
      const progress =
        row.tokens !== undefined
          ? `tokens ${row.tokens}  reward ${row['reward/mean']?.toFixed(3)}  pass@1 ${row['eval/pass@1']?.toFixed(3) ?? '-'}  ` +
            `${row['speed/tokens_per_s']?.toFixed(0)} tokens/s`
          : `env_steps ${row.env_steps}  return ${ret === undefined ? '-' : ret.toFixed(1)}  ${row['speed/env_steps_per_s']?.toFixed(0)} steps/s`;
      process.stdout.write(`update ${row.step}/${total}  ${progress}  entropy ${row['policy/entropy']?.toFixed(3)}  ${row.wall_s?.toFixed(1)} s\n`);
    },
  });
  process.stdout.write(`backend ${result.backend.name} (${result.backend.reason})\n`);
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(result, null, 1));
    const csv = values.out.replace(/\.json$/, '') + '.csv';
    writeFileSync(csv, rowsToCsv(result.rows));
    process.stdout.write(`wrote ${values.out} and ${csv}\n`);
  }
}

function list(args: string[]): void {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const reg = listRegistry();
  if (values.json) {
    process.stdout.write(JSON.stringify({ stages: reg, presets: PRESETS.map((p) => ({ id: p.id, title: p.title })) }, null, 1) + '\n');
    return;
  }
  for (const [stage, mods] of Object.entries(reg)) {
    process.stdout.write(`${stage}\n`);
    for (const m of mods) process.stdout.write(`  ${m.id.padEnd(26)} ${m.label}  [${m.paper.short} ${m.paper.year}]\n`);
  }
  process.stdout.write(`presets\n${PRESETS.map((p) => `  ${p.id.padEnd(26)} ${p.title}`).join('\n')}\n`);
}

async function check(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seeds: { type: 'string' }, updates: { type: 'string' }, json: { type: 'string' } },
  });
  if (positionals.length !== 1) fail(`check takes one lesson id or "all"\n${USAGE}`);
  const lessons = positionals[0] === 'all' ? LESSONS : [findLesson(positionals[0]) ?? fail(`no lesson "${positionals[0]}"; lessons: ${LESSONS.map((l) => l.id).join(', ')}`)];
  const nSeeds = intFlag('seeds', values.seeds);
  const updates = intFlag('updates', values.updates);
  const results = [];
  let mechanismFailed = false;
  for (const lesson of lessons) {
    const seeds = nSeeds ? Array.from({ length: nSeeds }, (_, i) => lesson.seeds[0] + i) : lesson.seeds;
    process.stdout.write(`${lesson.id}: ${lesson.claim.text} (${lesson.claim.metric}, mean of the last ${lesson.claim.lastK})\n`);
    const r = await checkLesson(lesson, seeds, async (config) => (await runHeadless({ ...config, backend: 'wasm' })).rows, {
      updates,
      onRun: (label, seed, v) => process.stdout.write(`  ${label.padEnd(16)} seed ${seed}: ${v.toFixed(4)}\n`),
    });
    for (const p of r.pairs) process.stdout.write(`  ${p.higher} > ${p.lower}: held on ${p.held}/${p.of} seeds\n`);
    process.stdout.write(`  ${r.held ? 'HELD' : 'DID NOT HOLD'}${lesson.mechanism ? ' (a mechanism: must hold)' : ''}\n`);
    if (lesson.mechanism && !r.held) mechanismFailed = true;
    results.push(r);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 1));
  if (mechanismFailed) process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'run') await run(rest);
else if (command === 'check') await check(rest);
else if (command === 'list') list(rest);
else fail(USAGE);
