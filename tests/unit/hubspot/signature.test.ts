import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import {
  normalizeV3Uri,
  safeEqual,
  signatureHeaders,
  signV1,
  signV2,
  signV3,
  verifyLegacy,
  verifyV3,
} from '../../../lib/hubspot/signature';

// Known-answer vectors from shared/reference/hubspot.md §2.5 (HubSpot docs and SDK tests).
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const V1_BODY =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
const URI = 'https://www.example.com/webhook_uri';
const V3_BODY = "{'example_field':'example_value'}";

describe('known-answer vectors', () => {
  it('v1 matches the documented hex digest', () => {
    expect(signV1(SECRET, V1_BODY)).toBe('232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de');
  });

  it('v2 matches both documented digests (GET empty body, POST with body)', () => {
    expect(signV2(SECRET, 'GET', URI, '')).toBe('eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e');
    expect(signV2(SECRET, 'POST', URI, '{"example_field":"example_value"}')).toBe(
      '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
    );
  });

  it('v3 matches both SDK-test digests', () => {
    expect(signV3(SECRET, 'POST', URI, V3_BODY, '1693657560000')).toBe('K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y=');
    expect(signV3(SECRET, 'POST', URI, V3_BODY, '1700000300000')).toBe('RnbPH7+UMKVkbV32P8bz450N4M56aPmcru1+D3kSDtw=');
  });

  it('agrees with the official SDK helper for all three versions', () => {
    const ts = 1700000300000;
    expect(signV1(SECRET, V1_BODY)).toBe(
      Signature.getSignature('POST', 'v1', { signature: '', clientSecret: SECRET, requestBody: V1_BODY, url: URI, timestamp: ts }),
    );
    expect(signV2(SECRET, 'POST', URI, V3_BODY)).toBe(
      Signature.getSignature('POST', 'v2', { signature: '', clientSecret: SECRET, requestBody: V3_BODY, url: URI, timestamp: ts }),
    );
    expect(signV3(SECRET, 'POST', URI, V3_BODY, String(ts))).toBe(
      Signature.getSignature('POST', 'v3', { signature: '', clientSecret: SECRET, requestBody: V3_BODY, url: URI, timestamp: ts }),
    );
  });
});

describe('normalizeV3Uri', () => {
  it('decodes exactly the listed escapes, case-insensitively, and leaves the rest', () => {
    expect(normalizeV3Uri('https://x.test/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
      "https://x.test/a:b/c?d@e!f$g'h(i)j*k,l;m",
    );
    expect(normalizeV3Uri('https://x.test/p?q=a%2cb%20c%26d%3D')).toBe('https://x.test/p?q=a,b%20c%26d%3D');
  });

  it('makes an encoded URL sign like its decoded form', () => {
    const encoded = signV3(SECRET, 'GET', 'https://x.test/card?email=a%40b.test', '', '1');
    expect(encoded).toBe(signV3(SECRET, 'GET', 'https://x.test/card?email=a@b.test', '', '1'));
  });
});

describe('verifyV3', () => {
  const now = 1_700_000_300_000;
  const base = { method: 'POST', uri: URI, rawBody: V3_BODY, clientSecrets: [SECRET], now };
  const ts = String(now - 1000);
  const good = signV3(SECRET, 'POST', URI, V3_BODY, ts);

  it('accepts a valid signature and reports which secret matched', () => {
    expect(verifyV3({ ...base, signature: good, timestamp: ts })).toEqual({ ok: true, secretIndex: 0 });
  });

  it('accepts a signature made with the previous secret during rotation', () => {
    const old = signV3('old-secret', 'POST', URI, V3_BODY, ts);
    expect(verifyV3({ ...base, clientSecrets: [SECRET, 'old-secret'], signature: old, timestamp: ts })).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(verifyV3({ ...base, signature: old, timestamp: ts }).ok).toBe(false);
  });

  it('rejects tampered body, method, uri and timestamp', () => {
    expect(verifyV3({ ...base, rawBody: V3_BODY + ' ', signature: good, timestamp: ts })).toMatchObject({ reason: 'mismatch' });
    expect(verifyV3({ ...base, method: 'PUT', signature: good, timestamp: ts })).toMatchObject({ reason: 'mismatch' });
    expect(verifyV3({ ...base, uri: URI + '?x=1', signature: good, timestamp: ts })).toMatchObject({ reason: 'mismatch' });
    expect(verifyV3({ ...base, signature: good, timestamp: String(now - 999) })).toMatchObject({ reason: 'mismatch' });
  });

  it('rejects stale, far-future, malformed and missing timestamps', () => {
    const stale = String(now - 300_001);
    expect(verifyV3({ ...base, signature: signV3(SECRET, 'POST', URI, V3_BODY, stale), timestamp: stale })).toMatchObject({
      reason: 'stale',
    });
    const edge = String(now - 300_000);
    expect(verifyV3({ ...base, signature: signV3(SECRET, 'POST', URI, V3_BODY, edge), timestamp: edge }).ok).toBe(true);
    const future = String(now + 120_000);
    expect(verifyV3({ ...base, signature: signV3(SECRET, 'POST', URI, V3_BODY, future), timestamp: future })).toMatchObject({
      reason: 'future',
    });
    expect(verifyV3({ ...base, signature: good, timestamp: '17e11' })).toMatchObject({ reason: 'malformed-timestamp' });
    expect(verifyV3({ ...base, signature: good, timestamp: undefined })).toMatchObject({ reason: 'missing' });
    expect(verifyV3({ ...base, signature: null, timestamp: ts })).toMatchObject({ reason: 'missing' });
  });

  it('rejects a wrong-length signature without throwing', () => {
    expect(verifyV3({ ...base, signature: good.slice(0, 10), timestamp: ts })).toMatchObject({ reason: 'mismatch' });
    expect(verifyV3({ ...base, signature: good + 'AA', timestamp: ts })).toMatchObject({ reason: 'mismatch' });
  });
});

describe('verifyLegacy and signatureHeaders', () => {
  it('verifies v1 and v2 (case-insensitive hex) and rejects a wrong secret', () => {
    const v1 = signV1(SECRET, V1_BODY).toUpperCase();
    expect(verifyLegacy({ version: 'v1', method: 'POST', uri: URI, rawBody: V1_BODY, signature: v1, clientSecrets: [SECRET] }).ok).toBe(true);
    const v2 = signV2(SECRET, 'GET', URI, '');
    expect(verifyLegacy({ version: 'v2', method: 'GET', uri: URI, rawBody: '', signature: v2, clientSecrets: ['x', SECRET] })).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(verifyLegacy({ version: 'v1', method: 'POST', uri: URI, rawBody: V1_BODY, signature: v1, clientSecrets: ['other'] }).ok).toBe(false);
  });

  it('builds headers that verify as both v1 and v3', () => {
    const headers = signatureHeaders(SECRET, { method: 'POST', uri: URI, rawBody: V1_BODY, timestamp: '1700000000000' });
    expect(headers['X-HubSpot-Signature-Version']).toBe('v1');
    expect(headers['X-HubSpot-Signature']).toBe(signV1(SECRET, V1_BODY));
    expect(
      verifyV3({
        method: 'POST', uri: URI, rawBody: V1_BODY, clientSecrets: [SECRET], now: 1_700_000_000_500,
        signature: headers['X-HubSpot-Signature-v3'], timestamp: headers['X-HubSpot-Request-Timestamp'],
      }).ok,
    ).toBe(true);
  });

  it('safeEqual compares equal and unequal strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
