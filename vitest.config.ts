import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.learn.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'learning',
          include: ['src/**/*.learn.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run bench -- --smoke` against dist/ (needs the build, like e2e).
        test: {
          name: 'bench-smoke',
          include: ['bench/**/*.smoke.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
        },
      },
    ],
  },
});
