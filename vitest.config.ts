import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'data/**'],
    // Native better-sqlite3 and real servers per file: forks isolate them cleanly.
    pool: 'forks',
    globalSetup: ['test/setup/postgres.global-setup.ts'],
    // Fails any test whose bot sent Slack or Teams a payload they would refuse (test/fakes/payload-problems.ts).
    setupFiles: ['test/setup/payload-problems.setup.ts'],
    // End-to-end files start a bot, an SMTP server and recording peers.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
