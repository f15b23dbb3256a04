import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: test files run two at a time, each in its own process.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/architecture.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      // The central server against PGlite and a real PostgreSQL (test/support/postgres.ts).
      { extends: true, test: { name: 'central', include: ['test/central/**/*.test.ts'] } },
      // Hub ↔ fault proxy ↔ central (sync.md's fault list), on a real PostgreSQL and on PGlite. A
      // test starts and kills hub processes: close to a minute each with both cores busy.
      { extends: true, test: { name: 'sync', include: ['test/sync/**/*.test.ts'], testTimeout: 180_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the renderer once, then drives Debian's Chromium against the real hub.
          globalSetup: ['test/e2e/support/build-renderer.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          // A screen reacts within a second or two; on a loaded 2-core CI machine allow more.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
