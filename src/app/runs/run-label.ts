import type { RunConfig } from '../../engine/config/schema';
import { formatNumber } from '../format';

const MAX_DIFFS = 3;

type Leaf = string | number | boolean | null;

/** Flattens a config into dotted paths; arrays of numbers stay whole (one field in the editor). */
function flatten(value: unknown, prefix: string, out: Map<string, Leaf | number[]>): Map<string, Leaf | number[]> {
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    out.set(prefix, value as number[]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value as Leaf);
  }
  return out;
}

function show(v: Leaf | number[] | undefined): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatNumber).join('×');
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

/**
 * The short list of what differs between a config and its base, e.g. ["lr 3e-4", "seed 2"].
 * A changed module is named once ("surrogate vanilla-pg") and its parameters are not listed.
 */
export function configDiff(config: RunConfig, base: RunConfig): string[] {
  const a = flatten(config, '', new Map());
  const b = flatten(base, '', new Map());
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter((k) => k !== 'name' && k !== 'version');
  const changedModules = keys.filter((k) => k.endsWith('.id') && show(a.get(k)) !== show(b.get(k)));
  const modulePrefixes = changedModules.map((k) => k.slice(0, -'id'.length));
  const diffs: string[] = [];
  for (const k of changedModules) {
    const stage = k.split('.').slice(-2, -1)[0] ?? k;
    const owner = k.startsWith('stages.') ? k.split('.')[1] : stage;
    if (!a.has(k)) diffs.push(`−${show(b.get(k))}`);
    else if (!b.has(k)) diffs.push(`+${show(a.get(k))}`);
    else diffs.push(`${owner} ${show(a.get(k))}`);
  }
  for (const k of keys) {
    if (k.endsWith('.id') || modulePrefixes.some((p) => k.startsWith(p))) continue;
    if (show(a.get(k)) === show(b.get(k))) continue;
    const name = k.split('.').pop() ?? k;
    diffs.push(k === 'backend' ? show(a.get(k)) : `${name} ${show(a.get(k))}`);
  }
  return diffs;
}

/** "PPO (Zoo) · lr 3e-4 · seed 2": the base name plus at most three differences. */
export function runLabel(baseName: string, config: RunConfig, base: RunConfig | null): string {
  if (!base) return baseName;
  const diffs = configDiff(config, base);
  const shown = diffs.slice(0, MAX_DIFFS);
  if (diffs.length > MAX_DIFFS) shown.push(`+${diffs.length - MAX_DIFFS} more`);
  return [baseName, ...shown].join(' · ');
}
