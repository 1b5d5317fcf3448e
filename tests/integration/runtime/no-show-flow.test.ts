/**
 * The no-show contract end to end on the runtime (real Postgres, queue and engine; in-memory CRM
 * port): enrollment from webhook events, the 10-minute wait fired by a clock advance, exactly
 * one email, then a booking that ends the run through exit-booked with its property written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceRun } from '../../../lib/runtime/run/advance-run';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, propertyChange, publishExamples, type Harness } from './helpers/runtime-harness';

const MINUTE = 60_000;

describe('no-show rebook on the runtime', () => {
  let t: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t);
    await publishExamples(h.deps);
  });
  afterAll(async () => t.drop());

  it('enrolls a no-show lead, emails once after the wait, and exits booked', async () => {
    const now = Date.now();
    await h.deliver([propertyChange(101, 'lifecyclestage', 'lead', now - 1000), propertyChange(101, 'email', 'a@example.com', now - 1000)]);
    // new-lead-follow-up started on lifecyclestage → lead; end it so the outreach lane is free.
    const first = await t.db.run.findFirstOrThrow({ where: { recordId: '101', contractKey: 'new-lead-follow-up' } });
    expect(first.status).toBe('active');
    await advanceRun(h.deps, first.id, { kind: 'end', exitId: 'exit-sql', reason: 'test', actor: 'test' });
    await h.drain();

    await h.deliver([propertyChange(101, 'last_meeting_outcome', 'NO_SHOW', now)]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '101', contractKey: 'no-show-rebook' } });
    expect(run).toMatchObject({ status: 'active', currentStepId: 'pause' });
    expect(h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === '101')).toHaveLength(1); // the welcome email of new-lead-follow-up

    await h.advance(11 * MINUTE);
    const afterWait = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(afterWait.currentStepId).toBe('await-booking');
    const emails = h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === '101' && w.detail.template === 'rebook-1');
    expect(emails).toHaveLength(1);

    await h.deliver([propertyChange(101, 'engagements_last_meeting_booked', String(Date.now()), Date.now())]);
    const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'exited', exitId: 'exit-booked' });
    expect(h.deps.crm.records.get('101')?.hs_lead_status).toBe('CONNECTED');
    const log = await t.db.decisionLog.findMany({ where: { runId: run.id }, orderBy: { id: 'asc' } });
    expect(log.map((l) => `${l.kind}:${l.outcome}`)).toEqual(expect.arrayContaining(['enroll:accepted', 'action:succeeded', 'exit:effect-applied']));
  });
});
