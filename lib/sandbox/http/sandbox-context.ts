/** What a handler can reach besides its request: state, webhooks, controls, and who is calling. */
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import type { AccessToken } from '../state/oauth-store';
import type { Portal } from '../state/portal';
import { API_SOURCE, type WriteOptions } from '../state/record-writer';
import type { SandboxState } from '../state/sandbox-state';
import type { FaultInjector } from './faults';
import { missingAuth } from './hubspot-errors';
import type { RateLimiter } from './rate-limiter';

/** Behaviour switches the control API may change at run time. */
export interface SandboxSettings {
  /** How far (ms) the search index trails writes; 0 = search sees every write at once. */
  searchLagMs: number;
  /** How far (ms) record time runs ahead of wall time (the app's runtime clock offset, sandbox mode). */
  clockOffsetMs: number;
}

export interface SandboxServices {
  state: SandboxState;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
  limiter: RateLimiter;
  /** Base URL the sandbox is reachable at (for paging links and the consent page). */
  baseUrl: () => string;
  /** Directory of the HubSpot project (hubspot/), for reloading config. */
  projectDir: string;
  settings: SandboxSettings;
}

export interface SandboxContext extends SandboxServices {
  /** The verified Bearer token of the request (bearer routes only). */
  grant: AccessToken | null;
}

/**
 * The caller's portal on a bearer route (the server has already verified the token), and the
 * write source its changes carry: the calling app, as HubSpot reports integration writes.
 */
export function callerPortal(context: SandboxContext): { portal: Portal; grant: AccessToken; source: WriteOptions } {
  const grant = context.grant;
  const portal = grant ? context.state.portal(grant.portalId) : undefined;
  if (!grant || !portal) throw missingAuth();
  return { portal, grant, source: { ...API_SOURCE, sourceId: String(grant.appId) } };
}
