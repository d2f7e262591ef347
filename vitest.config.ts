import { defineConfig } from 'vitest/config';

/** Unit tests: next to their file, on in-memory ports; no database set-up, so they run in threads. */
const UNIT = [
  'core/**/*.test.ts',
  'adapters/**/*.test.ts',
  'bot/**/*.test.ts',
  'scripts/**/*.test.ts',
  'test/fakes/**/*.test.ts',
  'test/payloads/**/*.test.ts',
];

/**
 * Three projects (https://vitest.dev/guide/projects): `npm run test:unit` runs the first alone
 * for a fast inner loop; `vitest run` (npm test, test:year-ahead) runs all three.
 */
export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'dist/**', 'data/**'],
    // Fails any test whose bot sent Slack or Teams a payload they would refuse (test/fakes/payload-problems.ts).
    setupFiles: ['test/setup/payload-problems.setup.ts'],
    // Vitest builds one threads pool for the whole run from this root config and ignores a
    // project's `isolate` when deciding whether to reuse a worker (vitest-dev/vitest#4731:
    // "poolOptions (including threads.isolate) cannot be inherited ... the pool is initiated
    // for Vitest process"). Without this line every unit file got a fresh thread and imported
    // vitest, zod and ~120 of our modules again. Only `unit` runs in threads; forks stay isolated.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, pool: 'threads', isolate: false, testTimeout: 10_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Native better-sqlite3 and a real database or SMTP server per file: forks isolate them cleanly.
          pool: 'forks',
          globalSetup: ['test/setup/postgres.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Each file starts a bot, an SMTP server and recording peers.
          pool: 'forks',
          globalSetup: ['test/setup/postgres.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
