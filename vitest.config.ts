import { defineConfig } from 'vitest/config';

// Four projects: fast pure unit tests, integration tests against a real PostgreSQL (one cloned
// database per test file, see tests/support/database.ts), fault tests that kill and restart real server
// processes and PostgreSQL, and browser journeys in headless Chromium.
// Vite would resolve `graphql` to its ES build while Pothos and Yoga load the CommonJS one, and
// graphql-js refuses types from two copies; pin everyone to the same file.
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/web/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          // Real processes killed and restarted, and a PostgreSQL stopped under a running app.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Generous: each test starts and stops whole servers, on a machine busy with the other projects.
          testTimeout: 240_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
