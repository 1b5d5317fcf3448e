/**
 * The sandbox's two clocks: record time (what portals stamp on property changes, emails and
 * webhook events) follows the offset the app sets with PUT /_sandbox/clock, while webhook
 * signatures and OAuth tokens stay on wall time, which is what the app verifies them against.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { syncSandboxClock } from '../../../lib/demo/sandbox-control';

const WALL = Date.parse('2026-12-01T09:00:00.000Z');
const TEN_MINUTES = 10 * 60_000;

let sandbox: SandboxHandle;
let client: Client;
let receiver: Server;
const deliveries: { timestamp: string; events: { occurredAt: number }[] }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      deliveries.push({ timestamp: String(request.headers['x-hubspot-request-timestamp']), events: JSON.parse(body) as { occurredAt: number }[] });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  sandbox = await startSandbox({ port: 0, clientId: 'clock-client', clientSecret: 'clock-secret-123456', appTargetUrl: target, projectDir: '/nonexistent', now: () => WALL });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, 'clock-client').token });
});

afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('sandbox record time', () => {
  it('starts at wall time', async () => {
    const clock = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { offsetMs: number; recordTime: string };
    expect(clock).toMatchObject({ offsetMs: 0, recordTime: new Date(WALL).toISOString() });
  });

  it('stamps writes, emails and webhook events at the offset the app set; signatures stay on wall time', async () => {
    await syncSandboxClock(sandbox.url, TEN_MINUTES);
    const [contact] = (await client.crm.contacts.basicApi.getPage(1)).results;
    await client.crm.contacts.basicApi.update(contact!.id, { properties: { hs_lead_status: 'CONNECTED' } });

    const read = await client.crm.contacts.basicApi.getById(contact!.id, ['hs_lead_status'], ['hs_lead_status']);
    expect(read.propertiesWithHistory?.hs_lead_status?.[0]?.timestamp.toISOString()).toBe(new Date(WALL + TEN_MINUTES).toISOString());

    await sandbox.drainWebhooks();
    const change = deliveries.flatMap((d) => d.events.map((e) => ({ ...e, timestamp: d.timestamp }))).find((e) => e.occurredAt === WALL + TEN_MINUTES);
    expect(change, JSON.stringify(deliveries)).toBeDefined();
    expect(change!.timestamp).toBe(String(WALL));
  });

  it('refuses an offset that is negative, fractional or beyond ten years, and keeps the last one', async () => {
    for (const offsetMs of [-1, 1.5, 11 * 365 * 86_400_000, 'soon']) {
      const response = await fetch(`${sandbox.url}/_sandbox/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
      expect(response.status, String(offsetMs)).toBe(400);
    }
    const clock = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { offsetMs: number };
    expect(clock.offsetMs).toBe(TEN_MINUTES);
  });
});
