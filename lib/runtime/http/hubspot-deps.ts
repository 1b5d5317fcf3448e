/**
 * Wires the HubSpot handlers to the process configuration and database. Route files call these;
 * tests call the handlers with their own dependencies instead.
 */
import { appDb } from '../../app-db';
import { env } from '../../env';
import type { CardDeps } from '../card/handle-card-request';
import type { OAuthConfig } from '../../hubspot/oauth/oauth-config';
import type { WebhookDeps } from '../ingress/handle-webhook';
import type { CallbackDeps } from '../install/handle-callback';
import type { InstallDeps } from '../install/handle-install';

const systemClock = () => new Date();

/** Our OAuth app as configured. */
export function oauthConfig(): OAuthConfig {
  const config = env();
  return {
    apiBase: config.hubspot.apiBase,
    appBase: config.hubspot.appBase,
    clientId: config.hubspot.clientId,
    clientSecret: config.hubspot.clientSecret,
    redirectUri: `${config.appUrl}/api/hubspot/oauth/callback`,
  };
}

export function installDeps(): InstallDeps {
  return { db: appDb(), oauth: oauthConfig(), appUrl: env().appUrl, now: systemClock };
}

export function callbackDeps(): CallbackDeps {
  const config = env();
  return { db: appDb(), oauth: oauthConfig(), keys: config.tokenKeys, appUrl: config.appUrl, authSecret: config.authSecret, now: systemClock };
}

export function webhookDeps(): WebhookDeps {
  const config = env();
  return { db: appDb(), appUrl: config.appUrl, clientSecrets: config.hubspot.verifySecrets, now: systemClock };
}

export function cardDeps(): CardDeps {
  const config = env();
  return { ...webhookDeps(), authSecret: config.authSecret };
}
