import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../config/schema';

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
export async function initBackend(requested: BackendChoice): Promise<BackendInfo> {
  let name: BackendName;
  let reason: string;
  let adapter: string | undefined;
  if (requested === 'auto') {
    const gpu = registered('webgpu') ? await probeWebGpu() : null;
    adapter = gpu?.adapter;
    if (gpu?.available && !gpu.software) {
      name = 'webgpu';
      reason = `auto: hardware WebGPU adapter (${gpu.adapter})`;
    } else {
      name = registered('wasm') ? 'wasm' : 'cpu';
      const why = !gpu
        ? 'WebGPU not available here'
        : gpu.software
          ? `WebGPU adapter is software (${gpu.adapter})`
          : `WebGPU unavailable (${gpu.adapter})`;
      reason = `auto: ${why}; ${name} is the fastest CPU path`;
    }
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
