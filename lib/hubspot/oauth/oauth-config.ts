/** What the OAuth code needs to know about our HubSpot app; built from `env()` at the edge. */
export interface OAuthConfig {
  /** API host (token endpoints): `env().hubspot.apiBase`. */
  apiBase: string;
  /** UI host serving the consent page: `env().hubspot.appBase`. */
  appBase: string;
  clientId: string;
  clientSecret: string;
  /** `${APP_URL}/api/hubspot/oauth/callback`: must be one of the app's redirect URLs. */
  redirectUri: string;
}
