import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../lib/sandbox/start-sandbox';

const options = { port: 0, clientId: 'persist-client', clientSecret: 'persist-secret-1234', appTargetUrl: null, projectDir: '/nonexistent' };
const refresh = (url: string, token: string) =>
  fetch(`${url}/oauth/v3/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: options.clientId, client_secret: options.clientSecret, refresh_token: token }) });

describe('OAuth grants across a sandbox restart', () => {
  it('keeps installs and tokens when a persistence file is given, and not otherwise', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sandbox-oauth-')), 'nested', 'sandbox-oauth.json');
    const first = await startSandbox({ ...options, persistOAuthPath: path });
    const install = first.state.install(first.demoPortalId, options.clientId);
    await first.stop();

    const second = await startSandbox({ ...options, persistOAuthPath: path });
    try {
      expect((await refresh(second.url, install.refreshToken)).status).toBe(200);
      const read = await fetch(`${second.url}/crm/v3/objects/contacts?limit=1`, { headers: { authorization: `Bearer ${install.token}` } });
      expect(read.status).toBe(200);
    } finally {
      await second.stop();
    }

    const memoryOnly = await startSandbox(options);
    try {
      expect(await (await refresh(memoryOnly.url, install.refreshToken)).json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
    } finally {
      await memoryOnly.stop();
    }
  });

  it('starts empty from an unreadable file instead of failing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sandbox-oauth-')), 'sandbox-oauth.json');
    writeFileSync(path, '{ not json');
    const sandbox = await startSandbox({ ...options, persistOAuthPath: path });
    try {
      expect(sandbox.state.oauth.refreshTokens.size).toBe(0);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('start-up errors', () => {
  it('names the malformed project file instead of starting with a wrong configuration', async () => {
    const { mkdirSync } = await import('node:fs');
    const projectDir = mkdtempSync(join(tmpdir(), 'sandbox-bad-project-'));
    mkdirSync(join(projectDir, 'src/app/webhooks'), { recursive: true });
    writeFileSync(join(projectDir, 'src/app/webhooks/webhooks-hsmeta.json'), '{"config":{}}');
    await expect(startSandbox({ ...options, projectDir })).rejects.toThrow(/webhooks-hsmeta\.json is not a valid webhooks component/);
  });

  it('rejects when the port is taken, and the first sandbox keeps working', async () => {
    const first = await startSandbox(options);
    try {
      await expect(startSandbox({ ...options, port: Number(new URL(first.url).port) })).rejects.toThrow(/EADDRINUSE/);
      expect((await fetch(`${first.url}/_sandbox`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
