/**
 * What the conformance suite needs from "a HubSpot": an API base, an installed app with a
 * refresh token, and optional capabilities. The same tests run against the local sandbox
 * (always) and against a real developer portal (when HUBSPOT_CONFORMANCE_* is set), so the
 * sandbox cannot drift from HubSpot unnoticed.
 */
import type { Outcome, ReceivedRequest } from '../../integration/sandbox/support/webhook-receiver';

/** A signed webhook request as it reached the app (from the live receiver or a capture file). */
export interface CapturedDelivery extends Pick<ReceivedRequest, 'headers' | 'rawBody'> {
  /** The URL HubSpot called (what the v3 signature covers). */
  url: string;
  /** When it arrived (epoch ms), for the timestamp window. */
  receivedAt: number;
}

export interface ConformanceTarget {
  name: string;
  apiBase: string;
  clientId: string;
  clientSecret: string;
  portalId: number;
  /** A valid refresh token of an installed app. */
  refreshToken: string;
  /** Unset capability = the test skips with this reason (only real-portal capabilities may be unset). */
  unavailable: Partial<Record<Capability, string>>;
  /** Sandbox: clicks through consent and returns a fresh authorization code for `redirectUri`. */
  authorizationCode?: () => Promise<{ code: string; redirectUri: string }>;
  /** Live webhook capture (sandbox) — deliveries triggered by API writes arrive here. */
  webhooks?: LiveWebhooks;
  /** Recorded deliveries: the real portal's capture file, or (sandbox) what its receiver got. */
  capturedDeliveries?: () => Promise<CapturedDelivery[]>;
  close: () => Promise<void>;
}

export interface LiveWebhooks {
  url: string;
  requests: ReceivedRequest[];
  /** How the receiver answers (status, 'hang' to time out, or a delayed status). */
  respond: (decide: (request: ReceivedRequest, index: number) => Outcome) => void;
  /** Waits until every delivery, including retries, has finished. */
  drain: () => Promise<void>;
  inFlightPeak: () => number;
  /** Shortens the delivery timeout for a test (restored by `reset`). */
  setTimeoutMs: (ms: number) => void;
  reset: () => void;
}

export type Capability = 'authorizationCode' | 'liveWebhooks' | 'capturedDeliveries' | 'burst' | 'workflowActions';
