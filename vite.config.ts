import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// COOP/COEP make the page cross-origin isolated, which threaded wasm (SharedArrayBuffer) needs.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 4000,
    // Two pages: the lab, and the bench page that `npm run bench` drives (bench/run.ts).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./bench.html', import.meta.url)),
      },
    },
  },
});
