import { afterEach, describe, expect, it } from 'vitest';
import './register-node';
import { initBackend, probeWebGpu } from './backend';

const realNavigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

function fakeGpu(adapter: object | null) {
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu: { requestAdapter: async () => adapter } },
    configurable: true,
  });
}

afterEach(() => {
  if (realNavigator) Object.defineProperty(globalThis, 'navigator', realNavigator);
  else delete (globalThis as { navigator?: unknown }).navigator;
});

describe('backend choice', () => {
  it('auto in Node picks wasm and says why', async () => {
    const info = await initBackend('auto');
    expect(info.name).toBe('wasm');
    expect(info.reason).toMatch(/auto: .*wasm/);
  });

  it('recognises SwiftShader and fallback adapters as software', async () => {
    fakeGpu({ info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' } });
    expect(await probeWebGpu()).toMatchObject({ available: true, software: true });
    fakeGpu({ isFallbackAdapter: true, info: {} });
    expect((await probeWebGpu()).software).toBe(true);
    fakeGpu({ info: { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100' } });
    expect(await probeWebGpu()).toMatchObject({ available: true, software: false });
    fakeGpu(null);
    expect((await probeWebGpu()).available).toBe(false);
  });

  it('an explicit backend that is not available here is refused clearly', async () => {
    await expect(initBackend('webgl')).rejects.toThrow(/webgl.*not available/);
  });
});
