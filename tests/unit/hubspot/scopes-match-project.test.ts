import { describe, expect, it } from 'vitest';
import appConfig from '../../../hubspot/src/app/app-hsmeta.json';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../lib/hubspot/scopes';

// HubSpot rejects an install URL whose scopes differ from the app's configured ones (reference §7).
describe('install scopes', () => {
  it('match the HubSpot project app config exactly', () => {
    expect([...REQUIRED_SCOPES].sort()).toEqual([...appConfig.config.auth.requiredScopes].sort());
    expect([...OPTIONAL_SCOPES].sort()).toEqual([...appConfig.config.auth.optionalScopes].sort());
  });
});
