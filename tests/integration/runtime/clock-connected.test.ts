/**
 * In connected mode the demo clock does not exist: POST /api/clock/advance answers 404 and the
 * offset is untouched, and the control APIs refuse callers without an embed token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { readClockOffset } from '../../../lib/runtime/store/clock-offset';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

type Handler = (request: Request, context: unknown) => Promise<Response>;
let t: TestDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(process.env, {
    WAYMARK_MODE: 'connected',
    DATABASE_URL: t.url,
    APP_URL: 'https://waymark.example',
    HUBSPOT_CLIENT_ID: 'client-id',
    HUBSPOT_CLIENT_SECRET: 'client-secret-0000',
    TOKEN_ENCRYPTION_KEY: 'k1:c2FuZGJveC1vbmx5LWtleS1kby1ub3QtdXNlLTEyMzQ=',
    AUTH_SECRET: 'connected-mode-auth-secret-0000000000000',
  });
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('connected mode', () => {
  it('has no clock advance (404) and leaves the offset alone', async () => {
    const { POST } = (await import('../../../app/api/clock/advance/route')) as unknown as { POST: Handler };
    const response = await POST(new Request('http://localhost/api/clock/advance', { method: 'POST', body: JSON.stringify({ by: 'P3D' }) }), undefined);
    expect(response.status).toBe(404);
    expect(await readClockOffset(t.db)).toBe(0);
  });

  it('refuses control calls without an embed token (401)', async () => {
    const { GET } = (await import('../../../app/api/contracts/route')) as unknown as { GET: Handler };
    const response = await GET(new Request('http://localhost/api/contracts?portalId=62515'), undefined);
    expect(response.status).toBe(401);
  });
});
