import { afterEach, describe, expect, it, vi } from 'vitest';
import { setFetchTarget } from '@/lib/sandbox/card-host/card-registry';
import { hostFetch } from '@/lib/sandbox/card-host/host-fetch';

/** Stands in for the sandbox proxy: records what the host sent and answers with an envelope. */
function proxyAnswering(status: number, envelope: unknown) {
  const sent: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(envelope), { status, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

describe("the card host's hubspot.fetch", () => {
  afterEach(() => vi.unstubAllGlobals());
  setFetchTarget({ endpoint: '/_sandbox/card-fetch', portalId: 62515, appId: 1000001 });

  it('sends the request to the sandbox proxy and returns the app response as a Response', async () => {
    const sent = proxyAnswering(200, { status: 401, contentType: 'application/json', body: '{"error":"bad signature"}' });
    const response = await hostFetch(new URL('https://app.waymark.example/api/hubspot/card?a=1'), { method: 'POST', body: { x: 1 }, timeout: 5000 });
    expect(sent).toEqual([
      {
        url: '/_sandbox/card-fetch',
        body: { url: 'https://app.waymark.example/api/hubspot/card?a=1', method: 'POST', body: { x: 1 }, timeout: 5000, portalId: 62515, appId: 1000001 },
      },
    ]);
    expect(response.status).toBe(401);
    expect(response.ok).toBe(false);
    expect(await response.json()).toEqual({ error: 'bad signature' });
  });

  it('defaults to GET and handles bodiless statuses', async () => {
    const sent = proxyAnswering(200, { status: 204, body: '' });
    const response = await hostFetch('https://app.waymark.example/x');
    expect((sent[0]!.body as { method: string }).method).toBe('GET');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('rejects when the proxy refuses, as hubspot.fetch does for URLs outside permittedUrls', async () => {
    proxyAnswering(403, { status: 'error', message: "https://evil.test is not in the app's permittedUrls.fetch" });
    await expect(hostFetch('https://evil.test/x')).rejects.toThrow("not in the app's permittedUrls.fetch");
  });
});
