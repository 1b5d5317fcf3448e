/**
 * POST /api/demo/signal in sandbox mode against a real sandbox: a demo signal changes the
 * contact in the sandbox and sends the browser back to the landing page (303); bad input is a
 * clear 4xx, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_ID } from '../../../lib/demo/demo-portal';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { freePort } from '../../helpers/free-port';

type Handler = (request: Request, context: unknown) => Promise<Response>;
let sandbox: SandboxHandle;
let POST: Handler;
const saved = { ...process.env };

const form = (fields: Record<string, string>) =>
  new Request('http://localhost:3000/api/demo/signal', { method: 'POST', body: new URLSearchParams(fields) });

beforeAll(async () => {
  // lib/env.ts reads the environment once per test file: set the port before anything asks.
  const port = await freePort();
  delete process.env.WAYMARK_MODE;
  process.env.SANDBOX_PORT = String(port);
  sandbox = await startSandbox({ port, appTargetUrl: null, retryScale: 0.0001 });
  ({ POST } = (await import('../../../app/api/demo/signal/route')) as unknown as { POST: Handler });
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  await sandbox?.stop();
});

describe('POST /api/demo/signal', () => {
  it('plays the signal in the sandbox and redirects to the landing page’s demo section', async () => {
    const response = await POST(form({ contactId: '1005', signal: 'no-show' }), undefined);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?played=no-show&contact=1005#try-the-demo');
    const grace = sandbox.state.portal(DEMO_PORTAL_ID)!.records.get('contacts')!.get('1005')!;
    expect(grace.properties.get('last_meeting_outcome')).toBe('NO_SHOW');
  });

  it('answers 400 for an unknown signal, a malformed id or a body that is not a form, and 404 for an unknown contact', async () => {
    expect((await POST(form({ contactId: '1005', signal: 'explode' }), undefined)).status).toBe(400);
    expect((await POST(form({ contactId: '../x', signal: 'reply' }), undefined)).status).toBe(400);
    expect((await POST(form({}), undefined)).status).toBe(400);
    const json = new Request('http://localhost:3000/api/demo/signal', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await POST(json, undefined)).status).toBe(400);
    const unknown = await POST(form({ contactId: '987654', signal: 'reply' }), undefined);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: `No contact 987654 in demo portal ${DEMO_PORTAL_ID}` });
  });
});
