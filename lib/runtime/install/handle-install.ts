/**
 * Starts an install: stores a fresh single-use state, sets the browser-binding cookie and
 * redirects (302) to HubSpot's consent page.
 */
import type { Db } from '../../db/prisma';
import { authorizeUrl } from '../../hubspot/oauth/authorize-url';
import { setNonceCookie } from '../../hubspot/oauth/nonce-cookie';
import type { OAuthConfig } from '../../hubspot/oauth/oauth-config';
import { createOAuthState } from './oauth-state';

export interface InstallDeps {
  db: Db;
  oauth: OAuthConfig;
  appUrl: string;
  now: () => Date;
}

export async function handleInstall(deps: InstallDeps): Promise<Response> {
  const { state, nonce } = await createOAuthState(deps.db, deps.now());
  const headers = new Headers({ location: authorizeUrl(deps.oauth, state), 'cache-control': 'no-store' });
  headers.append('set-cookie', setNonceCookie(deps.appUrl, nonce));
  return new Response(null, { status: 302, headers });
}
