/**
 * Issue 9, item 1: in connected mode POST /api/simulate spends the web process's CPU for the
 * caller, so it is identified like every control route: no embed token (or a forged one) is a
 * 401 before the body is read; a token signed with AUTH_SECRET (the card's, or the CLI's
 * operator token) runs the simulation.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEmbedToken } from '../../../lib/hubspot/embed-token';

type Handler = (request: Request, context: unknown) => Promise<Response>;
const AUTH_SECRET = 'connected-mode-auth-secret-0000000000000';
const saved = { ...process.env };
let POST: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    WAYMARK_MODE: 'connected',
    DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
    APP_URL: 'https://waymark.example',
    HUBSPOT_CLIENT_ID: 'client-id',
    HUBSPOT_CLIENT_SECRET: 'client-secret-0000',
    TOKEN_ENCRYPTION_KEY: 'k1:c2FuZGJveC1vbmx5LWtleS1kby1ub3QtdXNlLTEyMzQ=',
    AUTH_SECRET,
  });
  ({ POST } = (await import('../../../app/api/simulate/route')) as unknown as { POST: Handler });
});
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

const body = JSON.stringify({
  contract: JSON.parse(readFileSync('lib/demo/contracts/no-show-rebook.json', 'utf8')),
  record: { lifecyclestage: 'lead' },
  start: '2026-11-30T15:00:00Z',
  events: [{ at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }],
});
const token = (secret: string) => signEmbedToken(secret, { portalId: '62515', userId: '7', objectType: 'contact', recordId: '1' }, Date.now());

describe('POST /api/simulate in connected mode', () => {
  it.each<{ name: string; headers: Record<string, string>; status: number }>([
    { name: 'no token', headers: {}, status: 401 },
    { name: 'the sandbox actor header only', headers: { 'x-waymark-actor': 'mallory' }, status: 401 },
    { name: 'a token signed with another secret', headers: { authorization: `Bearer ${token('another-secret-000000000000000000000')}` }, status: 401 },
    { name: 'a garbage token', headers: { authorization: 'Bearer abc.def' }, status: 401 },
    { name: 'a valid embed token', headers: { authorization: `Bearer ${token(AUTH_SECRET)}` }, status: 200 },
  ])('$name → $status', async ({ headers, status }) => {
    const response = await POST(new Request('http://localhost/api/simulate', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }), {});
    expect(response.status).toBe(status);
    if (status === 401) expect(((await response.json()) as { error: string }).error).toMatch(/token/i);
  });
});
