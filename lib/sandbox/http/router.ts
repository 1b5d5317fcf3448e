/**
 * A small explicit router: literal path patterns with `:param` segments, matched in order.
 * Each route also says how it is authenticated and which rate-limit bucket it draws from, so the
 * server applies both uniformly before the handler runs.
 */
import type { SandboxReply, SandboxRequest } from './sandbox-request';
import type { SandboxContext } from './sandbox-context';

/** How a route is authenticated: a sandbox-issued Bearer token, nothing (OAuth, UI), or the control API. */
export type RouteAuth = 'bearer' | 'none' | 'control';

/** Which rate-limit bucket a Bearer route draws from. */
export type RateBucket = 'standard' | 'search';

/** One route: method, one or more path patterns (aliases such as dated versions), handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  paths: readonly string[];
  auth: RouteAuth;
  bucket?: RateBucket;
  /** Scopes of which the token must hold at least one (HubSpot's granular-scope check); may depend on path params. */
  scopes?: readonly string[] | ((params: Record<string, string>) => readonly string[] | undefined);
  /** True when the route writes (used by the drop-after-write fault). */
  writes?: boolean;
  handler: (request: SandboxRequest, context: SandboxContext) => Promise<SandboxReply> | SandboxReply;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

function compile(route: Route, path: string): Compiled {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

/** Result of matching: the route and its decoded params, or which methods the path allows. */
export type Match = { route: Route; params: Record<string, string> } | { route: null; allowed: string[] };

export function createRouter(routes: readonly Route[]) {
  const compiled = routes.flatMap((route) => route.paths.map((path) => compile(route, path)));
  return function match(method: string, path: string): Match {
    const allowed: string[] = [];
    for (const entry of compiled) {
      const found = entry.regex.exec(path);
      if (!found) continue;
      if (entry.route.method !== method) {
        allowed.push(entry.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      entry.names.forEach((name, index) => {
        const raw = found[index + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
        }
      });
      return { route: entry.route, params };
    }
    return { route: null, allowed };
  };
}
