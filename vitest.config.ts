import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Projects: unit (no I/O), integration (real Postgres: a fresh database per test file, cloned
// from a migrated template), conformance (HubSpot's behaviour, against the sandbox), e2e (real
// processes and Chromium), and card (the HubSpot project's own tests, hubspot/vitest.config.ts).
export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    // In CI a JSON report lets .ci/run end with a plain "N passed, N failed" summary line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // HubSpot behaviour stated once, run against the sandbox and (when configured) a real portal.
        test: { name: 'conformance', include: ['tests/conformance/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/postgres.ts', 'tests/setup/next-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // e2e files start whole servers; two cores cannot run many at once.
          maxWorkers: 1,
        },
      },
      // The HubSpot project's own tests (app card with @hubspot/ui-extensions/testing on React 18,
      // project config files); its dependencies live in hubspot/node_modules.
      'hubspot/vitest.config.ts',
    ],
  },
});
