import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The pure core (contracts, engine, audit) must stay free of I/O and framework imports so the
// same code drives the live runtime, the simulator, the CLI and the tests.
const pureCoreBans = {
  paths: [
    { name: 'pg', message: 'The pure core does no I/O.' },
    { name: 'graphile-worker', message: 'The pure core does no I/O.' },
    { name: '@hubspot/api-client', message: 'Only lib/hubspot speaks HubSpot.' },
    { name: 'node:fs', message: 'The pure core does no I/O.' },
    { name: 'node:fs/promises', message: 'The pure core does no I/O.' },
    { name: 'node:http', message: 'The pure core does no I/O.' },
  ],
  patterns: [
    { group: ['@prisma/*', '**/db/*', '**/db/**'], message: 'The pure core does not touch the database.' },
    { group: ['next', 'next/*'], message: 'The pure core does not depend on Next.js.' },
    { group: ['**/env', '**/lib/env'], message: 'Configuration is passed in, not read.' },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'lib/db/generated/**', 'hubspot/**', 'next-env.d.ts', 'bench/results/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
  {
    // Places allowed to read process.env: the config module itself, tooling and test set-up.
    files: ['lib/env.ts', 'scripts/**', 'tests/**', 'bench/**', 'prisma.config.ts', '*.config.*', 'bin/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['lib/contracts/**', 'lib/engine/**', 'lib/audit/**'],
    rules: {
      'no-restricted-imports': ['error', pureCoreBans],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The pure core does no I/O.' },
        { name: 'process', message: 'The pure core does not read the process.' },
      ],
    },
  },
]);
