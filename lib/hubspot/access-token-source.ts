/**
 * What the CRM adapter needs to authenticate: a function returning a usable access token for a
 * portal. Pass `rejected` (a token HubSpot just answered 401 to) to force a refresh unless
 * another process already replaced that token. The application layer implements it over the
 * installations table (lib/runtime/install/access-token.ts).
 */
export type AccessTokenSource = (portalId: bigint, options?: { rejected?: string }) => Promise<string>;
