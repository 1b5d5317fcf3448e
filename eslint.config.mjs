import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { readFileSync } from 'node:fs';

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
    { group: ['**/sandbox/**'], message: 'Production code never depends on the sandbox.' },
  ],
};

// One application layer (issue 12): every statement on Waymark's tables lives in lib/runtime/store.
// A call on a Prisma model delegate (`db.run.findMany`, `tx.contract.update`) or a raw query
// outside it is an error. The model names come from the schema, so a new table is covered.
const delegates = [...readFileSync(new URL('./prisma/schema.prisma', import.meta.url), 'utf8').matchAll(/^model (\w+)/gm)]
  .map(([, name]) => name[0].toLowerCase() + name.slice(1))
  .concat(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe']);
const delegatePattern = `/^(${delegates.map((name) => name.replace('$', '\\$')).join('|')})$/`;
const storeOnly = 'Statements on Waymark tables live in lib/runtime/store; call a store function from a use-case.';
const statementOutsideStore = [
  { selector: `MemberExpression[object.name=/^(db|tx|prisma)$/][property.name=${delegatePattern}]`, message: storeOnly },
  { selector: `MemberExpression[object.property.name=/^(db|tx)$/][property.name=${delegatePattern}]`, message: storeOnly },
  { selector: `CallExpression[callee.property.name='query'][callee.object.property.name='sql']`, message: storeOnly },
];
// Files that still hold statements, to move into the store (shrink this list; never grow it).
const statementsNotYetMoved = [
  'lib/runtime/contracts/publish-contract.ts',
  'lib/runtime/contracts/set-contract-status.ts',
  'lib/runtime/control/what-if.ts',
  'lib/runtime/run/ingest-events.ts',
  'lib/runtime/actions/perform-attempt.ts',
  'lib/health/check-health.ts',
  'lib/demo/**',
];

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
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['lib/runtime/store/**', 'lib/db/**', 'lib/queue/**', 'lib/sandbox/**', ...statementsNotYetMoved],
    rules: { 'no-restricted-syntax': ['error', ...statementOutsideStore] },
  },
  {
    // lib/hubspot is the adapter: it speaks HubSpot and nothing else, so it never reaches into the
    // application layer, the database, the demo or the sandbox.
    files: ['lib/hubspot/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/runtime/**', '@/lib/runtime/**'], message: 'lib/hubspot is an adapter: the application layer calls it, not the reverse.' },
            { group: ['**/db/**', '@/lib/db/**', '**/app-db', '@prisma/*', 'pg'], message: 'lib/hubspot holds no SQL: take a port (see access-token-source.ts, api-budget.ts).' },
            { group: ['**/demo/**', '**/sandbox/**'], message: 'Production code never depends on the demo or the sandbox.' },
          ],
        },
      ],
    },
  },
  {
    // Production code never depends on the HubSpot emulator (the dev bootstrap and tests start it;
    // the pure core's bans above include it).
    files: ['lib/runtime/**', 'lib/explain/**', 'app/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/sandbox/**', '@/lib/sandbox/**'], message: 'Production code never depends on the sandbox.' }] }],
    },
  },
]);
