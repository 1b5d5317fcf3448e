/**
 * Vitest global setup for e2e: one production build of the Next.js app per test run, shared
 * by every e2e file (each starts its own `next start` on its own port and database). Set
 * WAYMARK_SKIP_BUILD=1 to reuse an existing build while iterating locally.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup() {
  if (process.env.WAYMARK_SKIP_BUILD === '1' && existsSync('.next/BUILD_ID')) return;
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`next build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
