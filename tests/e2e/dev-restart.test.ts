/**
 * The README's run command on a fresh data directory: `npm run dev` (scripts/dev.ts) starts
 * embedded Postgres, migrates, serves the app with a green /api/health, and keeps its data
 * across a stop and a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port';
import { stopProcess, waitForHttp } from '../helpers/app-server';

async function startDev(dataDir: string, ports: { app: number; pg: number; sandbox: number }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(ports.app),
      EMBEDDED_PG_PORT: String(ports.pg),
      EMBEDDED_PG_DIR: dataDir,
      SANDBOX_PORT: String(ports.sandbox),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await waitForHttp(`http://localhost:${ports.app}/api/health`, child, () => output, 170_000);
  return { child, output: () => output };
}

describe('npm run dev', () => {
  let running: ChildProcess | undefined;
  afterAll(async () => {
    if (running) await stopProcess(running, 'SIGINT');
  });

  it('serves a healthy app on embedded Postgres and keeps data across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'waymark-dev-')), 'pg');
    const ports = { app: await freePort(), pg: await freePort(), sandbox: await freePort() };
    const dbUrl = `postgresql://postgres:waymark@127.0.0.1:${ports.pg}/waymark`;

    const first = await startDev(dataDir, ports);
    running = first.child;
    const health = await fetch(`http://localhost:${ports.app}/api/health`);
    expect(health.status, first.output()).toBe(200);
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(`INSERT INTO clock_offset (id, offset_ms) VALUES (1, 4242)`);
    await client.end();
    await stopProcess(first.child, 'SIGINT');

    const second = await startDev(dataDir, ports);
    running = second.child;
    const again = new pg.Client({ connectionString: dbUrl });
    await again.connect();
    const row = await again.query(`SELECT offset_ms FROM clock_offset WHERE id = 1`);
    await again.end();
    expect(row.rows[0]?.offset_ms).toBe('4242');
    const body = await (await fetch(`http://localhost:${ports.app}/api/health`)).json();
    expect(body.migrations.pending).toEqual([]);
  });
});
