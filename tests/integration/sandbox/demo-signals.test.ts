import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

let sandbox: SandboxHandle;
let receiver: WebhookReceiver;
let client: Client;
let contactId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, clientId: 'signals-client', clientSecret: 'signals-secret-1234', appTargetUrl: receiver.url, batchWindowMs: 10, projectDir: '/nonexistent' });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, 'signals-client').token });
  contactId = (await client.crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ' as never, value: 'alan.turing@bluebird-health.example' }] }], properties: ['email'], limit: 1, after: '0', sorts: [] })).results[0]!.id;
});

afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});

const signal = (name: string, body?: unknown) =>
  fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/contacts/${contactId}/signals/${name}`, { method: 'POST', body: body ? JSON.stringify(body) : undefined });

async function deliveredChanges(): Promise<Record<string, string>> {
  await sandbox.drainWebhooks();
  const changes = receiver.requests.flatMap((r) => r.events).filter((e) => e.objectId === Number(contactId) && e.subscriptionType === 'contact.propertyChange');
  receiver.requests.length = 0;
  return Object.fromEntries(changes.map((e) => [e.propertyName as string, e.propertyValue as string]));
}

describe('demo signals over the control API', () => {
  it('book-meeting then no-show: the meeting exists, and the app hears the booked date and NO_SHOW', async () => {
    const booked = await signal('book-meeting');
    expect(booked.status).toBe(200);
    const meetingId = (await booked.json()).object.id;
    expect(await deliveredChanges()).toMatchObject({ engagements_last_meeting_booked: expect.any(String), last_meeting_outcome: 'SCHEDULED' });
    expect((await signal('no-show')).status).toBe(200);
    expect(await deliveredChanges()).toMatchObject({ last_meeting_outcome: 'NO_SHOW' });
    const meeting = await client.crm.objects.meetings.basicApi.getById(meetingId, ['hs_meeting_outcome'], undefined, ['contacts']);
    expect(meeting.properties.hs_meeting_outcome).toBe('NO_SHOW');
    expect(meeting.associations?.contacts?.results.map((r) => r.id)).toEqual([contactId]);
  });

  it('reply sets the sales reply date the app listens to', async () => {
    expect((await signal('reply')).status).toBe(200);
    expect(await deliveredChanges()).toMatchObject({ hs_sales_email_last_replied: expect.any(String) });
  });

  it('bounce sets the hard-bounce fields and makes the next transactional email fail for good', async () => {
    expect((await signal('bounce', { reason: 'UNKNOWN_USER' })).status).toBe(200);
    expect(await deliveredChanges()).toMatchObject({ hs_email_hard_bounce_reason_enum: 'UNKNOWN_USER', hs_email_bounce: '1' });
    const send = await client.marketing.transactional.singleSendApi.sendEmail({ emailId: 1, message: { to: 'alan.turing@bluebird-health.example' } });
    expect(send.sendResult).toBe('PREVIOUSLY_BOUNCED');
    const sent = await (await fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/sent-emails`)).json();
    expect(sent.results.at(-1)).toMatchObject({ to: 'alan.turing@bluebird-health.example', contactId, sendResult: 'PREVIOUSLY_BOUNCED' });
  });

  it('rejects unknown signals, unknown contacts and invalid bounce reasons with 4xx', async () => {
    expect((await signal('dance')).status).toBe(404);
    const missing = await fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/contacts/1/signals/reply`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect((await signal('bounce', { reason: 'NOT_A_REASON' })).status).toBe(400);
    expect((await fetch(`${sandbox.url}/_sandbox/portals/999/contacts/1/signals/reply`, { method: 'POST' })).status).toBe(404);
  });
});
