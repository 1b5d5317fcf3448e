/**
 * The HubSpot consent (install) URL: `{appBase}/oauth/authorize` with our client id, redirect
 * URI, space-separated `scope` and `optional_scope`, and the single-use `state`.
 */
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../scopes';
import type { OAuthConfig } from './oauth-config';

export function authorizeUrl(config: Pick<OAuthConfig, 'appBase' | 'clientId' | 'redirectUri'>, state: string): string {
  const url = new URL(`${config.appBase}/oauth/authorize`);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('scope', REQUIRED_SCOPES.join(' '));
  url.searchParams.set('optional_scope', OPTIONAL_SCOPES.join(' '));
  url.searchParams.set('state', state);
  // URLSearchParams writes spaces as '+'; HubSpot's SDKs send %20. Both decode the same, but
  // %20 matches what HubSpot documents.
  return url.toString().replace(/\+/g, '%20');
}
