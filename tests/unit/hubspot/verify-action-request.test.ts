// Signature matrix for workflow-action requests: v3 (valid, tampered body, stale, wrong secret,
// tampered URL), v2 when v3 is absent, and a v3 that fails is never rescued by a valid v2.
import { describe, expect, it } from 'vitest';
import { verifyActionRequest } from '@/lib/hubspot/actions/verify-action-request';
import { signatureHeaders, signV2 } from '@/lib/hubspot/signature';

const appUrl = 'https://app.waymark.example';
const secret = 'action-secret-0000';
const config = { appUrl, clientSecrets: [secret, 'previous-secret'] };
const path = '/api/hubspot/actions/run-contract';
const body = JSON.stringify({ callbackId: 'ap-1-2-3-0', origin: { portalId: 62515 }, object: { objectId: 7, objectType: 'CONTACT' }, inputFields: {} });
const now = 1_800_000_000_000;

// The app runs behind a proxy: the request it sees is on an internal host.
function request(headers: Record<string, string>, rawBody = body, url = `http://internal:3000${path}`): Request {
  return new Request(url, { method: 'POST', headers, body: rawBody });
}
function v3Headers(opts: { secret?: string; timestamp?: number; uri?: string; rawBody?: string } = {}) {
  const h = signatureHeaders(opts.secret ?? secret, {
    method: 'POST',
    uri: opts.uri ?? `${appUrl}${path}`,
    rawBody: opts.rawBody ?? body,
    timestamp: String(opts.timestamp ?? now - 1000),
    legacyVersion: 'v2',
  });
  return h;
}

describe('verifyActionRequest', () => {
  it('accepts a valid v3 signature over APP_URL + path, and names v3', () => {
    expect(verifyActionRequest(config, request(v3Headers()), body, now)).toEqual({ ok: true, secretIndex: 0, version: 'v3' });
  });

  it('accepts the previous secret during rotation', () => {
    expect(verifyActionRequest(config, request(v3Headers({ secret: 'previous-secret' })), body, now)).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it('rejects a tampered body', () => {
    const tampered = body.replace('62515', '62516');
    expect(verifyActionRequest(config, request(v3Headers(), tampered), tampered, now)).toEqual({ ok: false, reason: 'mismatch', version: 'v3' });
  });

  it('rejects a stale timestamp (older than 5 minutes)', () => {
    expect(verifyActionRequest(config, request(v3Headers({ timestamp: now - 5 * 60 * 1000 - 1 })), body, now)).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('rejects a wrong secret', () => {
    expect(verifyActionRequest(config, request(v3Headers({ secret: 'someone-else' })), body, now)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('rejects a signature made for another action URL', () => {
    const h = v3Headers({ uri: `${appUrl}/api/hubspot/actions/check-entry` });
    expect(verifyActionRequest(config, request(h), body, now)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('does not let a valid v2 rescue a failing v3', () => {
    const h = { ...v3Headers({ secret: 'someone-else' }), 'X-HubSpot-Signature': signV2(secret, 'POST', `${appUrl}${path}`, body) };
    expect(verifyActionRequest(config, request(h), body, now)).toMatchObject({ ok: false, version: 'v3' });
  });

  describe('v2 (what HubSpot documents for custom actions) when no v3 header is sent', () => {
    const v2 = (s: string, rawBody = body) => ({ 'X-HubSpot-Signature': signV2(s, 'POST', `${appUrl}${path}`, rawBody), 'X-HubSpot-Signature-Version': 'v2' });
    it('accepts a valid v2', () => {
      expect(verifyActionRequest(config, request(v2(secret)), body, now)).toEqual({ ok: true, secretIndex: 0, version: 'v2' });
    });
    it('rejects a tampered body and a wrong secret', () => {
      const tampered = body.replace('CONTACT', 'DEAL');
      expect(verifyActionRequest(config, request(v2(secret), tampered), tampered, now)).toMatchObject({ ok: false, reason: 'mismatch' });
      expect(verifyActionRequest(config, request(v2('someone-else')), body, now)).toMatchObject({ ok: false, reason: 'mismatch' });
    });
    it('refuses v1 (it signs the body only, so it could be replayed to another action) and no signature', () => {
      expect(verifyActionRequest(config, request({ 'X-HubSpot-Signature': 'x', 'X-HubSpot-Signature-Version': 'v1' }), body, now)).toMatchObject({ ok: false, reason: 'missing' });
      expect(verifyActionRequest(config, request({}), body, now)).toMatchObject({ ok: false, reason: 'missing' });
    });
  });
});
