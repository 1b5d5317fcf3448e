import { describe, expect, it } from 'vitest';
import appConfig from '@/hubspot/src/app/app-hsmeta.json';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '@/lib/hubspot/scopes';

// HubSpot refuses an install URL whose scopes differ from the app config's required/optional
// scopes (reference §7), so the install flow and hubspot/src/app/app-hsmeta.json must agree.
describe('app-hsmeta.json scopes', () => {
  it('match the scopes the install URL asks for', () => {
    expect([...appConfig.config.auth.requiredScopes].sort()).toEqual([...REQUIRED_SCOPES].sort());
    expect([...appConfig.config.auth.optionalScopes].sort()).toEqual([...OPTIONAL_SCOPES].sort());
  });
});
