/**
 * A runtime on a test database: real Postgres, real queue (graphile-worker `runOnce` drains
 * every runnable job, including the ones jobs add), the real engine, the DB-offset clock, and an
 * in-memory CRM port. Helpers publish the shared example contracts and feed webhook events.
 */
import { readFileSync } from 'node:fs';
import { runOnce } from 'graphile-worker';
import { enqueue } from '../../../../lib/queue/enqueue';
import { queueLogger } from '../../../../lib/queue/queue-logger';
import { toTaskList } from '../../../../lib/queue/worker';
import { advanceClockOffset } from '../../../../lib/runtime/store/clock-offset';
import { dbOffsetClock } from '../../../../lib/runtime/clock';
import { publishContract } from '../../../../lib/runtime/contracts/publish-contract';
import { jobHandlers } from '../../../../lib/runtime/jobs';
import { processWebhookBatchJob } from '../../../../lib/runtime/jobs/definitions/process-webhook-batch';
import { sweepDueRunsJob } from '../../../../lib/runtime/jobs/definitions/sweep-due-runs';
import { engine } from '../../../../lib/runtime/run/engine';
import type { RuntimeDeps } from '../../../../lib/runtime/runtime-deps';
import { storeWebhookEvents } from '../../../../lib/runtime/store/store-webhook-events';
import type { TestDatabase } from '../../../helpers/test-database';
import { memoryCrm, type MemoryCrm } from './memory-crm';

export const PORTAL = 62515n;
export const EXAMPLES = ['long-term-nurture', 'new-lead-follow-up', 'no-show-rebook'] as const;

export function exampleContract(key: (typeof EXAMPLES)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(`lib/demo/contracts/${key}.json`, 'utf8')) as Record<string, unknown>;
}

export interface Harness {
  deps: RuntimeDeps & { crm: MemoryCrm };
  /** Resolves once the harness portal's installation row exists. */
  installed: Promise<void>;
  /** Runs every runnable job until none is left. */
  drain(): Promise<void>;
  /** Stores events (HubSpot's shape) and enqueues their batch job, like the webhook endpoint. */
  deliver(events: Record<string, unknown>[]): Promise<void>;
  /** Moves the shared clock forward and sweeps due wake-ups, then drains. */
  advance(ms: number): Promise<void>;
}

let eventSeq = 1;

export function createHarness(t: TestDatabase, processId = 'test-process'): Harness {
  const crm = memoryCrm();
  const deps = { db: t.db, sql: t.pool, clock: dbOffsetClock(t.db, { cacheMs: 0 }), crm, engine, processId };
  const taskList = toTaskList(jobHandlers(deps));
  // The runtime works only for installed portals; the memory CRM needs no real tokens.
  // ON CONFLICT DO NOTHING: a test may seed its own installation at the same moment.
  const installed = t.db.installation.createMany({
    data: [{ portalId: PORTAL, scopes: [], accessTokenCipher: 'memory-crm', refreshTokenCipher: 'memory-crm', accessTokenExpiresAt: new Date('2100-01-01') }],
    skipDuplicates: true,
  });
  const harness: Harness = {
    deps,
    installed: installed.then(() => undefined),
    async drain() {
      await installed;
      await runOnce({ connectionString: t.url, taskList, logger: queueLogger('error'), concurrency: 1 });
    },
    async deliver(events) {
      await installed;
      await t.db.$transaction(async (tx) => {
        const rows = events.map((e) => ({
          portalId: PORTAL,
          eventId: BigInt(e.eventId as number),
          subscriptionType: String(e.subscriptionType),
          objectId: e.objectId === undefined ? null : BigInt(e.objectId as number),
          occurredAt: new Date(e.occurredAt as number),
          attemptNumber: 0,
          payload: e,
        }));
        const stored = await storeWebhookEvents(tx, rows);
        if (stored.length === 0) return;
        await enqueue(tx, processWebhookBatchJob, { portalId: PORTAL.toString(), eventRowIds: stored.map(String) }, {
          jobKey: `batch:${stored.join(',')}`,
          mode: 'unsafe_dedupe',
        });
      });
      await harness.drain();
    },
    async advance(ms) {
      await installed;
      await advanceClockOffset(t.db, ms);
      await enqueue(t.db, sweepDueRunsJob, { reason: 'test' }, { jobKey: 'sweep-due-runs' });
      await harness.drain();
    },
  };
  return harness;
}

/** Publishes the three shared examples (nurture first: the others hand off to it). */
export async function publishExamples(deps: RuntimeDeps): Promise<void> {
  for (const key of EXAMPLES) {
    const result = await publishContract(deps.db, { portalId: PORTAL, source: exampleContract(key), publishedBy: 'test', now: deps.clock.now() });
    if (!result.published) throw new Error(`${key} not published: ${result.reason} ${JSON.stringify(result.findings)}`);
  }
}

/** A HubSpot-shaped contact property-change event. */
export function propertyChange(contactId: number, propertyName: string, propertyValue: string, occurredAt = Date.now()) {
  return {
    eventId: eventSeq++ + Math.floor(Math.random() * 1e9),
    subscriptionId: 1,
    portalId: Number(PORTAL),
    appId: 1,
    occurredAt,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: contactId,
    propertyName,
    propertyValue,
    changeSource: 'CRM',
  };
}

/** Waits until no runnable or running job is left in the queue (jobs scheduled later excepted). */
export async function waitForIdleQueue(t: TestDatabase, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE (run_at <= now() AND attempts < max_attempts) OR locked_at IS NOT NULL`,
    );
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the queue did not become idle');
}
