import { describe, expect, it } from 'vitest';
import { embedContentSecurityPolicy } from '../../../lib/hubspot/embed-csp';

describe('embed frame-ancestors policy', () => {
  it('allows only HubSpot app origins in connected mode', () => {
    expect(embedContentSecurityPolicy({ isSandbox: false, sandboxOrigins: ['http://127.0.0.1:4010'] })).toBe(
      'frame-ancestors https://app.hubspot.com https://*.hubspot.com',
    );
  });

  it('adds the sandbox origins (deduplicated) in sandbox mode', () => {
    expect(
      embedContentSecurityPolicy({ isSandbox: true, sandboxOrigins: ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/x', 'not a url'] }),
    ).toBe('frame-ancestors https://app.hubspot.com https://*.hubspot.com http://127.0.0.1:4010');
  });
});
