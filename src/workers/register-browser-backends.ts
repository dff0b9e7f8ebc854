// Browser backends. The wasm binaries are bundled by Vite and served from our own origin:
// nothing is fetched from a CDN.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

// The threaded wasm build starts its helper workers from factory.toString(), which the production
// bundle's minifier breaks ("e is not defined"). Until the worker bundle keeps that code intact,
// wasm runs single-threaded (SIMD still on).
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
