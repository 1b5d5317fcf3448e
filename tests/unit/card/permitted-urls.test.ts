import { describe, expect, it } from 'vitest';
import { resolveCardFetchTarget } from '@/lib/sandbox/record-page/permitted-urls';

const PERMITTED = ['https://app.waymark.example'];
const LOCAL = 'http://localhost:3123';

describe('resolveCardFetchTarget (permittedUrls.fetch, proxied to the local app)', () => {
  it('maps a permitted URL onto the local app, keeping path and query byte for byte', () => {
    const url = 'https://app.waymark.example/api/hubspot/card?portalId=62515&userEmail=a%2Bb%40x.example&objectId=7';
    expect(resolveCardFetchTarget(url, PERMITTED, LOCAL)).toEqual({
      ok: true,
      target: 'http://localhost:3123/api/hubspot/card?portalId=62515&userEmail=a%2Bb%40x.example&objectId=7',
    });
  });

  it('accepts permitted entries with a path prefix or a trailing slash', () => {
    expect(resolveCardFetchTarget('https://api.example/v1/x', ['https://api.example/v1/'], LOCAL)).toEqual({ ok: true, target: `${LOCAL}/v1/x` });
    expect(resolveCardFetchTarget('https://api.example/v2/x', ['https://api.example/v1'], LOCAL).ok).toBe(false);
  });

  it('refuses hosts that only share a prefix with a permitted one, and the local app itself', () => {
    for (const url of ['https://app.waymark.example.evil.test/api', 'https://app.waymark.exampleevil/api', `${LOCAL}/api/hubspot/card`, 'http://app.waymark.example/api']) {
      const result = resolveCardFetchTarget(url, PERMITTED, LOCAL);
      expect(result.ok, url).toBe(false);
    }
  });

  it('explains a refusal', () => {
    expect(resolveCardFetchTarget('https://evil.test/x', PERMITTED, LOCAL)).toEqual({
      ok: false,
      message: "https://evil.test is not in the app's permittedUrls.fetch",
    });
    expect(resolveCardFetchTarget('/api/hubspot/card', PERMITTED, LOCAL)).toMatchObject({ ok: false });
  });
});
