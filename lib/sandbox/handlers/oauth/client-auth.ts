/** Client authentication for OAuth endpoints: a known client id with its secret. */
import { oauthError } from '../../http/hubspot-errors';
import { safeEqual } from '../../../hubspot/signature';
import type { SandboxApp } from '../../state/sandbox-app';
import type { SandboxState } from '../../state/sandbox-state';

export function authenticateClient(state: SandboxState, clientId: string | undefined, clientSecret: string | undefined): SandboxApp {
  const app = clientId ? state.apps.get(clientId) : undefined;
  if (!app) throw oauthError(400, 'invalid_client', 'BAD_CLIENT_ID', 'missing or unknown client id');
  if (!clientSecret || !safeEqual(clientSecret, app.clientSecret)) {
    throw oauthError(400, 'invalid_client', 'BAD_CLIENT_SECRET', 'missing or invalid client secret');
  }
  return app;
}
