import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../config/schema';
import { fastest, probeBackend } from './speed-probe';

export type BackendName = Exclude<BackendChoice, 'auto'>;

export interface BackendInfo {
  name: BackendName;
  requested: BackendChoice;
  /** Why this backend: shown in the UI and the CLI beside every run. */
  reason: string;
  /** GPU adapter description, where one was queried. */
  adapter?: string;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; device?: string };
}
interface GpuLike {
  requestAdapter(opts?: object): Promise<GpuAdapterLike | null>;
}

/** Where auto's measured choice is remembered between runs (the browser worker uses IndexedDB). */
export interface BackendChoiceCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

/** Describes the WebGPU adapter, and whether it is a software one (SwiftShader and the like). */
export async function probeWebGpu(): Promise<{ available: boolean; software: boolean; adapter: string }> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { available: false, software: false, adapter: 'no navigator.gpu' };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { available: false, software: false, adapter: 'no adapter' };
  const info = adapter.info ?? {};
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter === true || SOFTWARE_ADAPTER.test(text);
  return { available: true, software, adapter: text || 'unnamed adapter' };
}

function registered(name: BackendName): boolean {
  return tf.findBackendFactory(name) !== null && tf.findBackendFactory(name) !== undefined;
}

/**
 * Chooses and initialises a backend. "auto" takes WebGPU only on a real (hardware) adapter,
 * since software WebGPU is ~50× slower than wasm here; otherwise wasm, the fastest CPU path.
 */
export async function initBackend(requested: BackendChoice, cache?: BackendChoiceCache): Promise<BackendInfo> {
  let name: BackendName;
  let reason: string;
  let adapter: string | undefined;
  if (requested === 'auto') {
    ({ name, reason, adapter } = await chooseAuto(cache));
  } else {
    name = requested;
    reason = 'chosen in the config';
    if (name === 'webgpu') adapter = (await probeWebGpu()).adapter;
  }
  if (!registered(name)) throw new Error(`backend "${name}" is not available in this environment`);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`backend "${name}" failed to initialise`);
  await tf.ready();
  return { name, requested, reason, adapter };
}

/**
 * auto: candidates are a hardware WebGPU adapter (never a software one) and the best CPU path;
 * with more than one, a short measured probe picks, and the choice is cached per adapter.
 */
async function chooseAuto(cache?: BackendChoiceCache): Promise<{ name: BackendName; reason: string; adapter?: string }> {
  const gpu = registered('webgpu') ? await probeWebGpu() : null;
  const cpuPath: BackendName = registered('wasm') ? 'wasm' : 'cpu';
  if (!gpu?.available || gpu.software) {
    const why = !gpu
      ? 'WebGPU not available here'
      : gpu.software
        ? `WebGPU adapter is software (${gpu.adapter})`
        : `WebGPU unavailable (${gpu.adapter})`;
    return { name: cpuPath, reason: `auto: ${why}; ${cpuPath} is the fastest CPU path`, adapter: gpu?.adapter };
  }
  const key = `auto-backend:${gpu.adapter}`;
  const cached = await cache?.get(key).catch(() => undefined);
  if (cached === 'webgpu' || cached === cpuPath) {
    return { name: cached, reason: `auto: ${cached} (measured earlier on this adapter, ${gpu.adapter}; cached)`, adapter: gpu.adapter };
  }
  const times = [
    { name: 'webgpu', ms: await probeBackend('webgpu') },
    { name: cpuPath, ms: await probeBackend(cpuPath) },
  ];
  const best = fastest(times);
  await cache?.set(key, best.name).catch(() => undefined);
  const measured = times.map((t) => `${t.name} ${t.ms.toFixed(1)} ms`).join(', ');
  return { name: best.name as BackendName, reason: `auto: measured probe on ${gpu.adapter}: ${measured}; ${best.name} is faster`, adapter: gpu.adapter };
}
