import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../lib/hubspot/crm/crm-http';
import { webhookJobKey } from '../../../lib/runtime/ingress/handle-webhook';

describe('429 waits', () => {
  it('honour Retry-After in seconds, else the policy', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.25' }), 'TEN_SECONDLY_ROLLING')).toBe(250);
    expect(retryAfterMs(new Headers(), 'TEN_SECONDLY_ROLLING')).toBe(2000);
    expect(retryAfterMs(new Headers(), 'SECONDLY')).toBe(1000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }))).toBe(1000);
  });
});

describe('webhook job key', () => {
  it('is the same for the same rows in any order and differs per portal and rows', () => {
    expect(webhookJobKey(1n, [3n, 1n, 2n])).toBe(webhookJobKey(1n, [1n, 2n, 3n]));
    expect(webhookJobKey(2n, [1n, 2n, 3n])).not.toBe(webhookJobKey(1n, [1n, 2n, 3n]));
    expect(webhookJobKey(1n, [1n, 2n])).not.toBe(webhookJobKey(1n, [1n, 2n, 3n]));
    expect(webhookJobKey(1n, [10n, 9n])).toMatch(/^process-webhook-batch:1:[\w-]{32}$/);
  });
});
