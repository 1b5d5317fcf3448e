import { describe, expect, it } from 'vitest';
import { EMBED_TOKEN_TTL_MS, signEmbedToken, verifyEmbedToken } from '../../../lib/hubspot/embed-token';

const SECRET = 'test-auth-secret-test-auth-secret-0000';
const NOW = 1_800_000_000_000;
const claims = { portalId: '62515', userId: '864745280', objectType: 'contact' as const, recordId: '123' };

describe('embed token', () => {
  it('round-trips claims bound to portal, user and record', () => {
    const token = signEmbedToken(SECRET, claims, NOW);
    const result = verifyEmbedToken(SECRET, token, NOW + 1000);
    expect(result).toEqual({ ok: true, claims: { ...claims, expiresAt: NOW + EMBED_TOKEN_TTL_MS } });
  });

  it('expires after its lifetime', () => {
    const token = signEmbedToken(SECRET, claims, NOW);
    expect(verifyEmbedToken(SECRET, token, NOW + EMBED_TOKEN_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a token signed with another secret or with altered claims', () => {
    const token = signEmbedToken(SECRET, claims, NOW);
    expect(verifyEmbedToken('another-secret-another-secret-000000', token, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ p: '62515', u: '1', t: 'contact', r: '999', exp: NOW + 1e9 })).toString('base64url');
    expect(verifyEmbedToken(SECRET, `${forged}.${mac}`, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects missing and malformed tokens without throwing', () => {
    expect(verifyEmbedToken(SECRET, undefined, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyEmbedToken(SECRET, 'abc', NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyEmbedToken(SECRET, 'a.b.c', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
