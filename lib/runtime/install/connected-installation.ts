/**
 * The installation the "connected" page shows, when its link (portal id + HMAC token from the
 * OAuth callback) is valid; null otherwise.
 */
import { appDb } from '../../app-db';
import { env } from '../../env';
import { verifyConnectedLink } from '../../hubspot/oauth/connected-link';
import { findActiveInstallationView } from '../store/installations';

export interface ConnectedView {
  portalId: string;
  hubDomain: string | null;
  scopes: string[];
}

export async function connectedInstallation(params: Record<string, string | string[] | undefined>): Promise<ConnectedView | null> {
  const portalId = typeof params.portalId === 'string' ? params.portalId : undefined;
  const token = typeof params.t === 'string' ? params.t : undefined;
  if (!portalId || !verifyConnectedLink(env().authSecret, portalId, token, Date.now())) return null;
  const row = await findActiveInstallationView(appDb(), BigInt(portalId));
  if (!row) return null;
  return { portalId: row.portalId.toString(), hubDomain: row.hubDomain, scopes: row.scopes };
}
