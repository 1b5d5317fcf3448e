/**
 * Runs `prisma generate` offline. Prisma 7's client needs no engine, but its CLI looks for the
 * native schema engine before it does anything, and that binary cannot be downloaded here. Any
 * existing file satisfies the lookup for `generate`, so we point the variable at this script
 * (set it yourself on a machine where the real engine exists).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
