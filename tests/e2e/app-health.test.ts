import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the production app', () => {
  let t: TestDatabase;
  let app: AppServer;
  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startAppServer({ databaseUrl: t.url });
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('reports database, migrations and queue as healthy', async () => {
    const response = await fetch(`${app.url}/api/health`);
    const body = await response.json();
    expect(response.status, app.output()).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      mode: 'sandbox',
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      queue: { ok: true },
    });
  });

  it('serves the landing page and denies framing outside /embed', async () => {
    const response = await fetch(app.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Workflow contracts for HubSpot');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
