/**
 * "Done when" of the runtime, end to end: the three example contracts published, real webhook
 * deliveries from the sandbox into the app's webhook handler, the runtime worker acting on the
 * sandbox through the HubSpot CRM port, and the demo clock fast-forwarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { DEMO_PORTAL, startSandboxRuntime, type SandboxRuntime } from './runtime/sandbox-runtime';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const P = `/_sandbox/portals/${DEMO_PORTAL}`;

describe('the example contracts on the sandbox', () => {
  let t: TestDatabase;
  let rt: SandboxRuntime;
  beforeAll(async () => {
    t = await createTestDatabase();
    rt = await startSandboxRuntime(t);
  });
  afterAll(async () => {
    await rt?.stop();
    await t?.drop();
  });

  const sentTo = (contactId: string) =>
    [...rt.sandbox.state.portal(DEMO_PORTAL)!.sentEmails.values()].filter((e) => e.contactId === contactId && e.sendResult === 'SENT');
  const runOf = (recordId: string, contractKey: string) => t.db.run.findFirst({ where: { recordId, contractKey }, orderBy: { startedAt: 'desc' } });

  it('a no-show contact gets exactly one email, books, and exits exit-booked with its property set', async () => {
    const grace = rt.contactId('grace.hopper@acme-logistics.example');
    await rt.control('POST', `${P}/contacts/${grace}/signals/no-show`);
    await rt.settle();
    const run = await runOf(grace, 'no-show-rebook');
    expect(run, 'enrolled from the no-show webhook').toMatchObject({ status: 'active', currentStepId: 'pause' });

    await rt.advance(10 * MINUTE + 5000);
    expect(await runOf(grace, 'no-show-rebook')).toMatchObject({ status: 'active', currentStepId: 'await-booking' });
    expect(sentTo(grace)).toHaveLength(1);

    await rt.control('POST', `${P}/contacts/${grace}/signals/book-meeting`);
    await rt.settle();
    expect(await runOf(grace, 'no-show-rebook')).toMatchObject({ status: 'exited', exitId: 'exit-booked' });
    expect(rt.contact(grace).hs_lead_status).toBe('CONNECTED');
    expect(sentTo(grace)).toHaveLength(1);
  });

  it('a silent contact reaches exit-silent after three days and is handed to long-term nurture', async () => {
    const radia = rt.contactId('radia.perlman@acme-logistics.example');
    await rt.control('POST', `${P}/contacts/${radia}/signals/no-show`);
    await rt.settle();
    await rt.advance(10 * MINUTE + 5000);
    expect(await runOf(radia, 'no-show-rebook')).toMatchObject({ currentStepId: 'await-booking' });
    await rt.advance(3 * DAY + MINUTE);
    expect(await runOf(radia, 'no-show-rebook')).toMatchObject({ status: 'exited', exitId: 'exit-silent' });
    expect(rt.contact(radia).waymark_tags).toContain('rebook-silent');
    const nurture = await runOf(radia, 'long-term-nurture');
    expect(nurture, 'handed off to long-term-nurture').toMatchObject({ status: 'active', currentStepId: 'monthly-wait' });
    const handoff = await t.db.decisionLog.findFirst({ where: { runId: nurture!.id, kind: 'enroll', outcome: 'accepted' } });
    expect(handoff?.inputs).toMatchObject({ via: 'handoff' });
  });

  it('a contact already in the outreach lane is rejected with the reason logged', async () => {
    const ada = rt.contactId('ada.lovelace@acme-logistics.example');
    await rt.control('PATCH', `${P}/objects/contacts/${ada}`, { properties: { lifecyclestage: 'subscriber' } });
    await rt.control('PATCH', `${P}/objects/contacts/${ada}`, { properties: { lifecyclestage: 'lead' } });
    await rt.settle();
    expect(await runOf(ada, 'new-lead-follow-up'), 'holds the outreach lane').toMatchObject({ status: 'active' });
    await rt.control('POST', `${P}/contacts/${ada}/signals/no-show`);
    await rt.settle();
    expect(await runOf(ada, 'no-show-rebook')).toBeNull();
    const rejected = await t.db.decisionLog.findFirstOrThrow({ where: { recordId: ada, contractKey: 'no-show-rebook', kind: 'entry', outcome: 'rejected' } });
    expect(rejected.reason).toMatch(/outreach/);
  });

  it('a permanently failing email ends in exit-send-failed with the owner notified', async () => {
    const donald = rt.contactId('donald.knuth@bluebird-health.example');
    await rt.control('PUT', `${P}/contacts/${donald}/email-failure`, { sendResult: 'PREVIOUSLY_BOUNCED' });
    await rt.control('POST', `${P}/contacts/${donald}/signals/no-show`);
    await rt.settle();
    await rt.advance(10 * MINUTE + 5000);
    const run = await runOf(donald, 'no-show-rebook');
    expect(run).toMatchObject({ status: 'exited', exitId: 'exit-send-failed', exitOutcome: 'failure' });
    expect(sentTo(donald)).toHaveLength(0);
    const notify = await t.db.actionAttempt.findFirstOrThrow({ where: { runId: run!.id, kind: 'notify' } });
    expect(notify.status).toBe('succeeded');
    // The owner's notification is a task in the CRM, associated with the contact.
    const tasks = [...rt.sandbox.state.portal(DEMO_PORTAL)!.records.get('tasks')!.values()].filter((task) =>
      (task.properties.get('hs_task_subject') ?? '').includes('No-show email could not be sent') ||
      (task.properties.get('hs_task_body') ?? '').includes('No-show email could not be sent'),
    );
    expect(tasks.length).toBe(1);
    expect(tasks[0]!.properties.get('hubspot_owner_id')).toBe(rt.contact(donald).hubspot_owner_id);
  });
});
