/**
 * Finishes an install: checks the single-use, browser-bound state, exchanges the code through
 * the v3 token endpoint, introspects the token for portal id, scopes and installing user, stores
 * (or, on reinstall, updates) the installation and lands the user on the "connected" page.
 * Every failure is a page a person can act on; a rejected state stores nothing and calls nothing.
 */
import type { Db } from '../../db/prisma';
import { log } from '../../log';
import { enqueue } from '../../queue/enqueue';
import { htmlPage } from '../../hubspot/html-page';
import { connectedLink } from '../../hubspot/oauth/connected-link';
import { clearNonceCookie, readNonceCookie } from '../../hubspot/oauth/nonce-cookie';
import { exchangeCode, introspectAccessToken, OAuthGrantError, OAuthTransientError, type OAuthCallOptions } from '../../hubspot/oauth/oauth-client';
import type { OAuthConfig } from '../../hubspot/oauth/oauth-config';
import type { VaultKey } from '../../hubspot/token-vault';
import { resumePortalJob, resumePortalKey } from '../jobs/definitions/resume-portal';
import { consumeOAuthState, type StateCheck } from './oauth-state';
import { saveInstallation } from './save-installation';

export interface CallbackDeps {
  db: Db;
  oauth: OAuthConfig;
  keys: readonly VaultKey[];
  appUrl: string;
  authSecret: string;
  now: () => Date;
  oauthOptions?: OAuthCallOptions;
  /** Called once the installation is stored (the app wires the first-admin grant here). */
  onInstalled?: (installed: { portalId: bigint; userId?: bigint }) => Promise<void>;
}

const STATE_MESSAGES: Record<Exclude<StateCheck, { ok: true }>['reason'], string> = {
  missing: 'The install link is missing its state or this browser has no install cookie. Start the installation from Waymark again, in this browser.',
  unknown: 'This install link was not issued by Waymark. Start the installation from Waymark again.',
  reused: 'This install link has already been used. Start the installation from Waymark again.',
  expired: 'This install link has expired (they last 10 minutes). Start the installation from Waymark again.',
  foreign: 'This install link was started in a different browser. Start the installation from Waymark again, in this browser.',
};

export async function handleCallback(deps: CallbackDeps, request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const clear = { 'set-cookie': clearNonceCookie(deps.appUrl) };
  const page = { headers: clear, reinstallLink: true };
  const check = await consumeOAuthState(deps.db, query.get('state'), readNonceCookie(request.headers.get('cookie')), deps.now());
  if (!check.ok) {
    log.warn('oauth callback rejected', { reason: check.reason });
    return htmlPage(400, 'Installation not completed', STATE_MESSAGES[check.reason], page);
  }
  const denied = query.get('error');
  if (denied) return htmlPage(400, 'Installation cancelled', `HubSpot reported: ${query.get('error_description') ?? denied}.`, page);
  const code = query.get('code');
  if (!code) return htmlPage(400, 'Installation not completed', 'HubSpot did not send an authorization code.', page);

  try {
    const tokens = await exchangeCode(deps.oauth, code, deps.oauthOptions);
    const info = await introspectAccessToken(deps.oauth, tokens.accessToken, deps.oauthOptions);
    await saveInstallation(deps.db, deps.keys, {
      portalId: info.hubId,
      hubDomain: info.hubDomain,
      scopes: info.scopes,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenExpiresAt: new Date(deps.now().getTime() + tokens.expiresIn * 1000),
      installedByUserId: info.userId ?? tokens.userId,
      installedByEmail: info.userEmail,
    });
    await deps.onInstalled?.({ portalId: info.hubId, userId: info.userId ?? tokens.userId });
    log.info('hubspot installation saved', { portalId: info.hubId.toString(), scopes: info.scopes });
    // A reinstall picks up work that halted while the portal was not installed.
    await enqueue(deps.db, resumePortalJob, { portalId: info.hubId.toString() }, { jobKey: resumePortalKey(info.hubId) });
    const headers = new Headers({ location: connectedLink(deps.appUrl, deps.authSecret, info.hubId, deps.now().getTime()), ...clear });
    return new Response(null, { status: 302, headers });
  } catch (error) {
    if (error instanceof OAuthGrantError) {
      return htmlPage(400, 'Installation not completed', 'HubSpot rejected the authorization code (expired or already used). Start the installation again.', page);
    }
    if (error instanceof OAuthTransientError) {
      return htmlPage(502, 'HubSpot is not answering', 'HubSpot could not be reached to finish the installation. Try again in a minute.', page);
    }
    log.error('oauth callback failed', { error: (error as Error).message });
    return htmlPage(500, 'Installation failed', 'Waymark could not finish the installation. Try again; if it keeps failing, contact support.', page);
  }
}
