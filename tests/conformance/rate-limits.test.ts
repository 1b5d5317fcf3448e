// Rate limits (reference §6.8, §6.3): X-HubSpot-RateLimit-* headers on API responses (none on
// search), 110 requests per rolling 10 s per portal with a TEN_SECONDLY_ROLLING 429, and 5 search
// requests per second with the "secondly limit" 429 the SDK retries on.
import { expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { accessToken, sdk } from './target/access-token';
import { forEachTarget, itWith } from './target/targets';

const RATE_LIMIT_BODY = { status: 'error', errorType: 'RATE_LIMIT', correlationId: expect.any(String) };

forEachTarget('Rate limits', (target) => {
  it('API responses carry X-HubSpot-RateLimit-* headers; search responses do not', async () => {
    const client = await sdk(target());
    const response = await client.apiRequest({ method: 'GET', path: '/crm/v3/objects/contacts?limit=1' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-hubspot-ratelimit-max'))).toBeGreaterThanOrEqual(100);
    expect(Number(response.headers.get('x-hubspot-ratelimit-interval-milliseconds'))).toBe(10_000);
    // Number(null) is 0: match the text, so a missing header fails.
    expect(response.headers.get('x-hubspot-ratelimit-remaining')).toMatch(/^\d+$/);
    const search = await client.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/search', body: { limit: 1 } });
    expect(search.status).toBe(200);
    expect(search.headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });

  itWith('burst', target, 'more than 5 searches in a second get the secondly-limit 429', async () => {
    const client = await sdk(target());
    await new Promise((r) => setTimeout(r, 1100));
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => client.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/search', body: { limit: 1 } })),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(await limited[0]!.json()).toMatchObject({ ...RATE_LIMIT_BODY, message: 'You have reached your secondly limit.' });
    await new Promise((r) => setTimeout(r, 1100));
  });

  itWith('burst', target, 'the secondly 429 is the one the official SDK retries: a burst of searches all succeed with retries on', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const retrying = new Client({ basePath: target().apiBase, accessToken: await accessToken(target()), numberOfApiCallRetries: 4 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => retrying.crm.contacts.searchApi.doSearch({ filterGroups: [], properties: ['email'], limit: 1, after: '0', sorts: [] })),
    );
    expect(results.every((r) => typeof r.total === 'number')).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
  }, 30_000);

  itWith('burst', target, 'more than the 10-second budget gets TEN_SECONDLY_ROLLING 429 with headers', async () => {
    const client = await sdk(target());
    const statuses: Awaited<ReturnType<typeof client.apiRequest>>[] = [];
    for (let round = 0; round < 6 && !statuses.some((r) => r.status === 429); round++) {
      statuses.push(...(await Promise.all(Array.from({ length: 25 }, () => client.apiRequest({ method: 'GET', path: '/crm/v3/owners?limit=1' })))));
    }
    const limited = statuses.find((r) => r.status === 429);
    expect(limited).toBeDefined();
    expect(await limited!.json()).toMatchObject({ ...RATE_LIMIT_BODY, policyName: 'TEN_SECONDLY_ROLLING' });
    expect(limited!.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    const ok = statuses.filter((r) => r.status === 200).length;
    expect(ok).toBeLessThanOrEqual(Number(statuses[0]!.headers.get('x-hubspot-ratelimit-max')));
  }, 30_000);
});
