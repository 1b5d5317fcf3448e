import { describe, expect, it } from 'vitest';
import { createRouter, type Route } from '../../../lib/sandbox/http/router';
import { json } from '../../../lib/sandbox/http/sandbox-request';

const route = (method: Route['method'], ...paths: string[]): Route => ({ method, paths, auth: 'none', handler: () => json(200, {}) });

describe('createRouter', () => {
  const get = route('GET', '/crm/v3/objects/:objectType/:objectId', '/crm/objects/2026-03/:objectType/:objectId');
  const search = route('POST', '/crm/v3/objects/:objectType/search');
  const match = createRouter([get, search]);

  it('matches aliases and decodes params', () => {
    expect(match('GET', '/crm/objects/2026-03/contacts/a%40b.c')).toEqual({ route: get, params: { objectType: 'contacts', objectId: 'a@b.c' } });
    expect(match('POST', '/crm/v3/objects/deals/search/')).toMatchObject({ route: search, params: { objectType: 'deals' } });
  });

  it('reports allowed methods for a known path and nothing for an unknown one', () => {
    expect(match('DELETE', '/crm/v3/objects/contacts/1')).toEqual({ route: null, allowed: ['GET'] });
    expect(match('GET', '/nope')).toEqual({ route: null, allowed: [] });
  });

  it('keeps a malformed escape as sent instead of throwing', () => {
    expect(match('GET', '/crm/v3/objects/contacts/%E0%A4%A')).toMatchObject({ params: { objectId: '%E0%A4%A' } });
  });
});
