/**
 * Actions and exits: a transient failure is retried and writes once; an ambiguous failure
 * (the write landed, the answer was lost) is checked with findWrite and not repeated; a
 * permanent failure takes onFailure (exit-send-failed) and the owner is notified; a backward
 * stage write under a monotonic policy is refused and logged; re-enrollment inside the
 * contract's window is rejected with its reason; a deleted record's run ends with its exit
 * recorded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractSchema } from '../../../lib/contracts';
import type { ActionContext } from '../../../lib/runtime/actions/action-context';
import { setProperty } from '../../../lib/runtime/actions/set-property';
import { setStage } from '../../../lib/runtime/actions/set-stage';
import { advanceRun } from '../../../lib/runtime/run/advance-run';
import { emptyRecordState } from '../../../lib/runtime/store/merge-record-state';
import { LIFECYCLE_ORDER } from '../../../lib/runtime/store/portal-context';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from './helpers/runtime-harness';

const MINUTE = 60_000;
let contact = 300;

describe('actions, exits and entry rules', () => {
  let t: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t);
    await publishExamples(h.deps);
  });
  afterAll(async () => t.drop());
  beforeEach(() => {
    contact += 1;
  });

  /** A lead with a no-show, enrolled in no-show-rebook (outreach lane free), at its pause step. */
  async function noShow(id: number, extra: Record<string, string> = {}) {
    const now = Date.now();
    await h.deliver([
      propertyChange(id, 'lifecyclestage', 'marketingqualifiedlead', now - 100),
      ...Object.entries(extra).map(([k, v]) => propertyChange(id, k, v, now - 50)),
      propertyChange(id, 'last_meeting_outcome', 'NO_SHOW', now),
    ]);
    return t.db.run.findFirstOrThrow({ where: { recordId: String(id), contractKey: 'no-show-rebook' } });
  }

  /** Runs every job due within the next minutes of queue time (retries are scheduled ahead). */
  async function drainRetries() {
    for (let i = 0; i < 8; i += 1) {
      await t.pool.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at > now()`);
      await h.drain();
    }
  }

  it('retries a transient failure and writes once', async () => {
    const run = await noShow(contact);
    h.deps.crm.transientFailures.set('email', 2);
    await h.advance(11 * MINUTE);
    await drainRetries();
    const emails = h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === String(contact));
    expect(emails).toHaveLength(1);
    const attempt = await t.db.actionAttempt.findFirstOrThrow({ where: { runId: run.id, stepId: 'send-rebook' } });
    expect(attempt).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(await t.db.decisionLog.count({ where: { runId: run.id, kind: 'action', outcome: 'retrying' } })).toBe(2);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('await-booking');
  });

  it('after an ambiguous failure, checks findWrite and does not send again', async () => {
    const run = await noShow(contact);
    h.deps.crm.ambiguousOnce.add('email');
    await h.advance(11 * MINUTE);
    await drainRetries();
    expect(h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === String(contact))).toHaveLength(1);
    const attempt = await t.db.actionAttempt.findFirstOrThrow({ where: { runId: run.id, stepId: 'send-rebook' } });
    expect(attempt.status).toBe('succeeded');
    expect(attempt.result).toMatchObject({ recoveredBy: 'findWrite' });
    expect(await t.db.decisionLog.count({ where: { runId: run.id, kind: 'action', outcome: 'recovered' } })).toBe(1);
  });

  it('a permanent email failure ends in exit-send-failed with the owner notified', async () => {
    const run = await noShow(contact);
    h.deps.crm.failEmailsTo.add(String(contact));
    await h.advance(11 * MINUTE);
    const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'exited', exitId: 'exit-send-failed', exitOutcome: 'failure' });
    const notes = h.deps.crm.writes.filter((w) => w.kind === 'notification' && w.recordId === String(contact));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.detail).toMatchObject({ to: 'owner', message: 'No-show email could not be sent' });
    expect(h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === String(contact))).toHaveLength(0);
  });

  it('re-enrollment inside the contract window is rejected with the reason logged', async () => {
    const run = await noShow(contact);
    await advanceRun(h.deps, run.id, { kind: 'end', exitId: 'exit-disqualified', reason: 'test', actor: 'tester' });
    await h.drain();
    await h.deliver([propertyChange(contact, 'last_meeting_outcome', 'RESCHEDULED', Date.now()), propertyChange(contact, 'last_meeting_outcome', 'NO_SHOW', Date.now() + 1)]);
    expect(await t.db.run.count({ where: { recordId: String(contact), contractKey: 'no-show-rebook' } })).toBe(1);
    const rejected = await t.db.decisionLog.findFirstOrThrow({ where: { recordId: String(contact), kind: 'entry', outcome: 'rejected' }, orderBy: { id: 'desc' } });
    expect(rejected.reason).toMatch(/no-show-rebook/);
  });

  it('a backward stage write under a monotonic policy is refused and logged', async () => {
    // new-lead-follow-up's exit-nurture sets marketingqualifiedlead; the record is already a customer.
    const now = Date.now();
    await h.deliver([propertyChange(contact, 'email', 'c@example.com', now - 10), propertyChange(contact, 'lifecyclestage', 'lead', now)]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: String(contact), contractKey: 'new-lead-follow-up' } });
    await h.deliver([propertyChange(contact, 'lifecyclestage', 'customer', now + 10)]);
    await advanceRun(h.deps, run.id, { kind: 'end', exitId: 'exit-nurture', reason: 'test', actor: 'tester' });
    await h.drain();
    const refused = await t.db.decisionLog.findMany({ where: { runId: run.id, kind: 'stage-refused' } });
    expect(refused.length).toBeGreaterThan(0);
    expect(h.deps.crm.records.get(String(contact))?.lifecyclestage).not.toBe('marketingqualifiedlead');
  });

  it('a stage write is judged again when performed: a record that moved on since is not moved back', async () => {
    // The engine allowed the write when the step began; the record became a customer before it ran.
    const withOrder = contractSchema.parse(exampleContract('new-lead-follow-up'));
    const portalOrder = { ...withOrder, stagePolicy: { property: 'lifecyclestage', monotonic: true } };
    for (const contract of [withOrder, portalOrder]) {
      const ctx: ActionContext = {
        crm: h.deps.crm,
        portalId: PORTAL,
        objectType: 'contact',
        recordId: '7777',
        runId: '00000000-0000-4000-8000-000000000001',
        contract,
        idempotencyKey: 'stage-at-write-time',
        record: { ...emptyRecordState(), properties: { lifecyclestage: 'customer' } },
        portal: { timeZone: 'UTC', stageOrders: { lifecyclestage: LIFECYCLE_ORDER } },
        now: new Date(),
        handoff: async () => ({ enrolled: false, reason: 'not used' }),
      };
      const before = h.deps.crm.writes.length;
      expect(await setStage(ctx, { value: 'lead' })).toMatchObject({ status: 'refused', reason: expect.stringMatching(/back from 'customer' to 'lead'/) });
      expect(await setProperty(ctx, { property: 'lifecyclestage', value: 'lead' })).toMatchObject({ status: 'refused' });
      expect(h.deps.crm.writes.length).toBe(before);
      expect(await setStage(ctx, { value: 'evangelist' })).toMatchObject({ status: 'succeeded' });
    }
    expect(h.deps.crm.writes.filter((w) => w.recordId === '7777')).toHaveLength(2);
  });

  it('a deleted record ends its runs with the exit recorded and lanes released', async () => {
    const run = await noShow(contact);
    await h.deliver([{ ...propertyChange(contact, 'x', 'y'), subscriptionType: 'contact.deletion', propertyName: undefined, propertyValue: undefined }]);
    const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'exited', exitId: 'system:record-deleted' });
    expect(await t.db.laneHolding.count({ where: { runId: run.id, releasedAt: null } })).toBe(0);
  });
});
