/**
 * Crash safety with real processes: a worker process (scripts/worker.ts) is killed with SIGKILL
 * while its email send is in flight (the sandbox holds the request), and again while an exit
 * effect is in flight. A new worker process finishes each run within a minute, and no external
 * write happens twice: exactly one email is sent, the exit effect is recorded once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { DEMO_PORTAL, startSandboxRuntime, type SandboxRuntime } from './runtime/sandbox-runtime';
import { enqueue } from '../../lib/queue/enqueue';
import { advanceClockOffset } from '../../lib/runtime/store/clock-offset';
import { SWEEP_JOB_KEY, sweepDueRunsJob } from '../../lib/runtime/jobs/definitions/sweep-due-runs';

const P = `/_sandbox/portals/${DEMO_PORTAL}`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a worker killed with SIGKILL mid-write', () => {
  let t: TestDatabase;
  let rt: SandboxRuntime;
  const children: ChildProcess[] = [];
  let output = '';

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env: { ...process.env, DATABASE_URL: t.url, HUBSPOT_API_BASE: rt.sandbox.url, APP_URL: rt.appUrl, WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    children.push(child);
    return child;
  }
  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    rt = await startSandboxRuntime(t, { worker: false });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill(child);
    await rt?.stop();
    await t?.drop();
  });

  it('finishes the run after a restart, with exactly one email and one exit effect', async () => {
    const katherine = rt.contactId('katherine.johnson@bluebird-health.example');
    const first = startWorker();
    await rt.control('POST', `${P}/contacts/${katherine}/signals/no-show`);
    await rt.sandbox.drainWebhooks();
    const run = await until('enrollment', () => t.db.run.findFirst({ where: { recordId: katherine, contractKey: 'no-show-rebook', currentStepId: 'pause' } }));

    // The sandbox holds the email send for 8 s; the worker is killed while it waits.
    await rt.control('POST', '/_sandbox/faults', { kind: 'latency', path: '/marketing/v3/transactional/single-email/send', latencyMs: 8000, times: 1 });
    await advanceClockOffset(t.db, 10 * 60_000 + 5000);
    await enqueue(t.db, sweepDueRunsJob, { reason: 'crash test' }, { jobKey: SWEEP_JOB_KEY });
    await until('the send in flight', () => t.db.actionAttempt.findFirst({ where: { runId: run.id, stepId: 'send-rebook', status: 'running' } }));
    await new Promise((r) => setTimeout(r, 500));
    await kill(first);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('send-rebook');

    const restartedAt = Date.now();
    const second = startWorker();
    await until('the run to move on', async () => (await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId === 'await-booking');
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 9000)); // the held request completes in the sandbox meanwhile
    const emails = [...rt.sandbox.state.portal(DEMO_PORTAL)!.sentEmails.values()].filter((e) => e.contactId === katherine);
    expect(emails.filter((e) => e.sendResult === 'SENT')).toHaveLength(1);
    expect(await t.db.actionAttempt.count({ where: { runId: run.id, stepId: 'send-rebook', status: 'succeeded' } })).toBe(1);

    // Now an exit: the booking ends the run; its effect (a property write) is held and the worker killed.
    await rt.control('POST', '/_sandbox/faults', { kind: 'latency', path: '/crm/v3/objects/contacts', method: 'PATCH', latencyMs: 8000, times: 1 });
    await rt.control('POST', `${P}/contacts/${katherine}/signals/book-meeting`);
    await rt.sandbox.drainWebhooks();
    await until('the exit effect in flight', () => t.db.actionAttempt.findFirst({ where: { runId: run.id, kind: 'set_property', status: 'running' } }));
    await new Promise((r) => setTimeout(r, 500));
    await kill(second);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'exited', exitId: 'exit-booked' });

    const again = Date.now();
    startWorker();
    await until('the exit effect applied', () => t.db.actionAttempt.findFirst({ where: { runId: run.id, kind: 'set_property', status: 'succeeded' } }));
    expect(Date.now() - again).toBeLessThan(60_000);
    expect(rt.contact(katherine).hs_lead_status).toBe('CONNECTED');
    // The attempt row turns succeeded a moment before apply-exit logs it: wait for the log row.
    const applied = () => t.db.decisionLog.count({ where: { runId: run.id, kind: 'exit', outcome: 'effect-applied' } });
    await until('the exit effect logged', applied);
    expect(await applied()).toBe(1);
  });
});
