/**
 * `npm run dev` stops cleanly: Ctrl-C in a terminal (SIGINT to the whole process group) stops
 * web, worker, sandbox and database in that order, exits 0, prints no error or stack trace and
 * leaves no process behind; and if the supervisor itself is killed outright, its children notice
 * and stop too. `npm start` uses the same supervisor (lib/process/supervisor.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port';
import { waitForHttp } from '../helpers/app-server';

interface Dev {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const started: Dev[] = [];

/** Starts `npm run dev`'s script as a terminal would: in a process group of its own. */
async function startDev(dataDir: string): Promise<Dev> {
  const [app, pg, sandbox] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(app),
      EMBEDDED_PG_PORT: String(pg),
      EMBEDDED_PG_DIR: dataDir,
      SANDBOX_PORT: String(sandbox),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const dev = { child, output: () => output, exited };
  started.push(dev);
  await waitForHttp(`http://localhost:${app}/api/health`, child, () => output, 170_000);
  await until(() => /\[worker\] worker \S+ started/.test(output) && /\[sandbox\] HubSpot sandbox on/.test(output), 60_000);
  return dev;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

function servicePids(output: string): Map<string, number> {
  return new Map([...output.matchAll(/\[supervisor\] started (\w+) \(pid (\d+)\)/g)].map((m) => [m[1] ?? '', Number(m[2])]));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const dev of started.splice(0)) {
    for (const pid of servicePids(dev.output()).values()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (dev.child.exitCode === null) dev.child.kill('SIGKILL');
  }
});

describe('stopping npm run dev', () => {
  it('Ctrl-C stops web, worker, sandbox and database in order, with exit 0 and no error output', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'waymark-stop-')), 'pg');
    const dev = await startDev(dataDir);
    const pids = servicePids(dev.output());
    expect([...pids.keys()].sort()).toEqual(['database', 'sandbox', 'web', 'worker']);

    process.kill(-(dev.child.pid ?? 0), 'SIGINT');
    const code = await dev.exited;
    const output = dev.output();

    expect(code, output).toBe(0);
    const stops = [...output.matchAll(/\[supervisor\] stopped (\w+)/g)].map((m) => m[1]);
    expect(stops).toEqual(['web', 'worker', 'sandbox', 'database']);
    expect(output).not.toMatch(/^\S*\s+at \S/m); // a stack frame
    expect(output).not.toMatch(/Error|terminating connection|already stopped|killing it/);
    for (const [name, pid] of pids) expect(isAlive(pid), `${name} still running`).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid')), 'PostgreSQL shut down cleanly').toBe(false);
  });

  it('a supervisor killed outright takes its services with it', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'waymark-orphan-')), 'pg');
    const dev = await startDev(dataDir);
    const pids = servicePids(dev.output());

    dev.child.kill('SIGKILL');
    await dev.exited;

    const allGone = await until(() => [...pids.values()].every((pid) => !isAlive(pid)), 30_000);
    const left = [...pids].filter(([, pid]) => isAlive(pid)).map(([name]) => name);
    expect(allGone, `still running: ${left.join(', ')}`).toBe(true);
    expect(existsSync(join(dataDir, 'postmaster.pid')), 'PostgreSQL shut down cleanly').toBe(false);
  });
});
