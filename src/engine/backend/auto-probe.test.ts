import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import './register-node';
import { initBackend, type BackendChoiceCache } from './backend';
import { fastest } from './speed-probe';

// A stand-in "webgpu" backend built from the cpu backend's factory and kernels (this file only),
// so auto's probe path can run in Node; a fake navigator reports a hardware adapter.
for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'webgpu' });
tf.registerBackend('webgpu', tf.findBackendFactory('cpu')!);
Object.defineProperty(globalThis, 'navigator', {
  value: { gpu: { requestAdapter: async () => ({ info: { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100' } }) } },
  configurable: true,
});
afterAll(() => {
  delete (globalThis as { navigator?: unknown }).navigator;
});

describe('auto backend with a hardware adapter', () => {
  it('measures both candidates, takes the faster, and caches the choice per adapter', async () => {
    const store = new Map<string, string>();
    const cache: BackendChoiceCache = { get: async (k) => store.get(k), set: async (k, v) => void store.set(k, v) };
    const first = await initBackend('auto', cache);
    expect(first.name).toBe('wasm'); // the cpu-backed stand-in is far slower than wasm
    expect(first.reason).toMatch(/measured probe on nvidia hopper NVIDIA H100: webgpu [\d.]+ ms, wasm [\d.]+ ms; wasm is faster/);
    expect(store.get('auto-backend:nvidia hopper NVIDIA H100')).toBe('wasm');
    store.set('auto-backend:nvidia hopper NVIDIA H100', 'webgpu');
    const second = await initBackend('auto', cache);
    expect(second.name).toBe('webgpu');
    expect(second.reason).toMatch(/cached/);
  });

  it('fastest picks the smallest time, the earlier on a tie', () => {
    expect(fastest([{ name: 'a', ms: 2 }, { name: 'b', ms: 1 }]).name).toBe('b');
    expect(fastest([{ name: 'a', ms: 1 }, { name: 'b', ms: 1 }]).name).toBe('a');
  });
});
