/** In connected mode there is no sandbox demo: POST /api/demo/signal answers 404. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Handler = (request: Request, context: unknown) => Promise<Response>;
const saved = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    WAYMARK_MODE: 'connected',
    DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
    APP_URL: 'https://waymark.example',
    HUBSPOT_CLIENT_ID: 'client-id',
    HUBSPOT_CLIENT_SECRET: 'client-secret-0000',
    TOKEN_ENCRYPTION_KEY: 'k1:c2FuZGJveC1vbmx5LWtleS1kby1ub3QtdXNlLTEyMzQ=',
    AUTH_SECRET: 'connected-mode-auth-secret-0000000000000',
  });
});
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe('connected mode', () => {
  it('has no demo signals (404)', async () => {
    const { POST } = (await import('../../../app/api/demo/signal/route')) as unknown as { POST: Handler };
    const response = await POST(new Request('http://localhost/api/demo/signal', { method: 'POST', body: new URLSearchParams({ contactId: '1', signal: 'no-show' }) }), undefined);
    expect(response.status).toBe(404);
  });
});
