/**
 * Authorization codes, access and refresh tokens, and installations. Access tokens live 30
 * minutes (HubSpot's current lifetime); codes are single use and live 10 minutes (HubSpot gives
 * no number, only "a short window"); refresh tokens live until revoked or the app is uninstalled.
 * A refresh returns the same refresh token (HubSpot does not rotate them in practice; the
 * reference marks rotation UNVERIFIED, so callers must store whatever comes back).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export const ACCESS_TOKEN_TTL_MS = 30 * 60 * 1000;
export const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

/** Who a token acts for. */
export interface Grant {
  appId: number;
  portalId: number;
  userId: number;
  scopes: string[];
}

export interface AccessToken extends Grant {
  token: string;
  expiresAt: number;
  refreshToken: string;
}

export interface RefreshToken extends Grant {
  token: string;
  revoked: boolean;
}

export interface AuthCode extends Grant {
  code: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface Installation extends Grant {
  installedAt: number;
  active: boolean;
}

export class OAuthStore {
  readonly codes = new Map<string, AuthCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  /** Keyed `${portalId}:${appId}`. */
  readonly installations = new Map<string, Installation>();

  issueCode(grant: Grant, redirectUri: string, now: number): AuthCode {
    const code: AuthCode = { appId: grant.appId, portalId: grant.portalId, userId: grant.userId, scopes: [...grant.scopes], code: randomUUID(), redirectUri, expiresAt: now + AUTH_CODE_TTL_MS, used: false };
    this.codes.set(code.code, code);
    return code;
  }

  /** Issues a refresh token (or reuses the given one) and a fresh 30-minute access token; records the install. */
  issueTokens(source: Grant, now: number, existingRefresh?: string): AccessToken {
    const grant: Grant = { appId: source.appId, portalId: source.portalId, userId: source.userId, scopes: [...source.scopes] };
    let refresh = existingRefresh ? this.refreshTokens.get(existingRefresh) : undefined;
    if (!refresh) {
      refresh = { ...grant, token: `na1-${randomUUID()}`, revoked: false };
      this.refreshTokens.set(refresh.token, refresh);
      this.installations.set(`${grant.portalId}:${grant.appId}`, { ...grant, installedAt: now, active: true });
    }
    const access: AccessToken = {
      ...grant,
      token: `CN${randomBytes(48).toString('base64url')}`,
      expiresAt: now + ACCESS_TOKEN_TTL_MS,
      refreshToken: refresh.token,
    };
    this.accessTokens.set(access.token, access);
    return access;
  }

  installation(portalId: number, appId: number): Installation | undefined {
    const found = this.installations.get(`${portalId}:${appId}`);
    return found?.active ? found : undefined;
  }

  /** Uninstall: every token of (portal, app) stops working and webhooks stop. */
  uninstall(portalId: number, appId: number): void {
    const found = this.installations.get(`${portalId}:${appId}`);
    if (found) found.active = false;
    for (const refresh of this.refreshTokens.values()) {
      if (refresh.portalId === portalId && refresh.appId === appId) refresh.revoked = true;
    }
    for (const [token, access] of this.accessTokens) {
      if (access.portalId === portalId && access.appId === appId) this.accessTokens.delete(token);
    }
  }
}
