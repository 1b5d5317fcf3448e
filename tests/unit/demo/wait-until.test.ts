import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../../lib/demo/wait-until';

describe('waitUntil', () => {
  it('returns once the probe answers true, treating errors as "not yet"', async () => {
    let calls = 0;
    await waitUntil('thing', async () => {
      calls += 1;
      if (calls === 1) throw new Error('refused');
      return calls >= 3;
    }, 1_000, 1);
    expect(calls).toBe(3);
  });

  it('fails after the timeout naming what did not answer and the last error', async () => {
    await expect(waitUntil('the web app', async () => Promise.reject(new Error('/api/health answered HTTP 503')), 20, 5)).rejects.toThrow(
      /^the web app did not answer within 0 s \(last error: \/api\/health answered HTTP 503\)$/,
    );
  });
});
