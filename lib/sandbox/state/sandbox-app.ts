/** A developer app registered in the sandbox (one per client id); apps are independent of each other. */
import type { Subscription } from '../webhooks/subscription';

export interface SandboxApp {
  appId: number;
  clientId: string;
  clientSecret: string;
  /** Allowed OAuth redirect URLs (exact match, as HubSpot requires). */
  redirectUris: string[];
  /** Scopes the app is configured with; `null` = not configured, any scope is accepted. */
  requiredScopes: string[] | null;
  optionalScopes: string[];
  /** Where webhook batches go; `null` = webhooks off. */
  webhookTarget: string | null;
  /** HubSpot's default is 10 in-flight requests per installed portal. */
  maxConcurrentRequests: number;
  subscriptions: Subscription[];
}
