/**
 * How the portal commands (`waymark audit`, `waymark draft`) reach Waymark: the running app's
 * JSON API. Against `npm run dev` (sandbox mode) it needs no token; against a connected
 * deployment the real binary signs a short-lived embed token for the portal with `AUTH_SECRET`
 * (whoever holds the app's secret is its operator). Injected through `CliIo.api`, so tests can
 * point it at route handlers or a test server.
 */
export interface AppApiResponse {
  status: number;
  /** Parsed JSON, or the text when the body is not JSON (exports). */
  body: unknown;
}

export interface AppApi {
  /** Base URL, for messages ("is the app running at …?"). */
  baseUrl: string;
  request(method: 'GET' | 'POST', path: string, portalId: string, body?: unknown): Promise<AppApiResponse>;
  /** Waits (tests: no-op or fake time). */
  sleep(ms: number): Promise<void>;
}

export function httpAppApi(baseUrl: string, tokenFor: (portalId: string) => string | null): AppApi {
  return {
    baseUrl,
    async request(method, path, portalId, body) {
      const token = tokenFor(portalId);
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { 'content-type': 'application/json', 'x-waymark-actor': 'waymark-cli', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      try {
        return { status: response.status, body: JSON.parse(text) };
      } catch {
        return { status: response.status, body: text };
      }
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
