import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests need no servers; integration tests share one Temporal dev
// server and one PostgreSQL per run (started in the global setup) and isolate per file.
export default defineConfig({
  test: {
    pool: 'forks',
    // Two cores: two test files at a time beside the shared servers.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/domain/**/*.test.ts',
            'test/config/**/*.test.ts',
            'test/deploy/**/*.test.ts',
            'test/documents/**/*.test.ts',
            // The views alone; the pages served (test/web/routes, test/web/browser) need the stack.
            'test/web/*.test.ts',
          ],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/domain/**',
            'test/config/**',
            'test/deploy/**',
            'test/documents/**',
            'test/web/*.test.ts',
          ],
          pool: 'forks',
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
