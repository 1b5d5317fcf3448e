/**
 * An early reply after the sandbox clock was fast-forwarded: run times are on the runtime clock
 * (days ahead of the wall clock) while HubSpot's `occurredAt` is wall-clock. A reply that lands
 * while the rebooking email is being sent must still resolve the waitFor entered right after
 * (exit-replied), because "since the step began" is judged on the signal's `observed_at` (the
 * runtime clock at ingestion), not on `occurred_at`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceRun } from '../../../lib/runtime/run/advance-run';
import { ingestEvents } from '../../../lib/runtime/run/ingest-events';
import { routeSignals } from '../../../lib/runtime/run/route-signals';
import { storeWebhookEvents } from '../../../lib/runtime/store/store-webhook-events';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, PORTAL, propertyChange, publishExamples, type Harness } from './helpers/runtime-harness';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('early signals on a fast-forwarded clock', () => {
  let t: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t);
    await publishExamples(h.deps);
  });
  afterAll(async () => t.drop());

  it('a reply that arrives while the rebooking email is sent ends the run through exit-replied', async () => {
    // The demo fast-forwards first: the runtime clock is now five days ahead of HubSpot's.
    await h.advance(5 * DAY);

    const now = Date.now();
    await h.deliver([propertyChange(301, 'lifecyclestage', 'lead', now - 1000), propertyChange(301, 'email', 'c@example.com', now - 1000)]);
    const first = await t.db.run.findFirstOrThrow({ where: { recordId: '301', contractKey: 'new-lead-follow-up' } });
    await advanceRun(h.deps, first.id, { kind: 'end', exitId: 'exit-sql', reason: 'test', actor: 'test' });
    await h.drain();
    await h.deliver([propertyChange(301, 'last_meeting_outcome', 'NO_SHOW', Date.now())]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '301', contractKey: 'no-show-rebook' } });
    expect(run).toMatchObject({ status: 'active', currentStepId: 'pause' });

    // The contact replies while send-rebook is in flight: the webhook batch is processed (as
    // its job would) from inside the CRM call, after the wake-up issued the action and before
    // the action's result reaches the run.
    const send = h.deps.crm.sendEmail.bind(h.deps.crm);
    let stepDuringReply: string | undefined;
    h.deps.crm.sendEmail = async (portalId, input) => {
      if (input.contactId === '301' && input.template === 'rebook-1' && stepDuringReply === undefined) {
        const reply = propertyChange(301, 'hs_sales_email_last_replied', String(Date.now()), Date.now());
        const rowIds = await t.db.$transaction((tx) =>
          storeWebhookEvents(tx, [
            { portalId: PORTAL, eventId: BigInt(reply.eventId), subscriptionType: reply.subscriptionType, objectId: BigInt(reply.objectId), occurredAt: new Date(reply.occurredAt), attemptNumber: 0, payload: reply },
          ]),
        );
        await h.deps.clock.sync({ force: true });
        await routeSignals(h.deps, PORTAL, await ingestEvents(h.deps, PORTAL, rowIds));
        stepDuringReply = (await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId ?? '';
      }
      return send(portalId, input);
    };

    await h.advance(11 * MINUTE);
    expect(stepDuringReply).toBe('send-rebook');
    const signal = await t.db.recordSignal.findFirstOrThrow({ where: { recordId: '301', property: 'hs_sales_email_last_replied' } });
    // Observed on the runtime clock, days after HubSpot's wall-clock occurredAt.
    expect(signal.observedAt.getTime() - signal.occurredAt.getTime()).toBeGreaterThan(4 * DAY);

    const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'exited', exitId: 'exit-replied' });
    const waitFor = await t.db.decisionLog.findFirstOrThrow({ where: { runId: run.id, kind: 'wait-for' }, orderBy: { id: 'desc' } });
    expect(waitFor.reason).toContain('arrived before the wait began');
    expect(h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === '301' && w.detail.template === 'rebook-1')).toHaveLength(1);
  });
});
