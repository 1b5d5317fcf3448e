/** The parsed request every sandbox handler receives, and the reply it returns. */
import type { IncomingHttpHeaders } from 'node:http';

/** One incoming request, fully read (the raw body is kept for signature checks). */
export interface SandboxRequest {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Path parameters captured by the router (`:name` segments). */
  params: Record<string, string>;
}

/** What a handler returns; the server serialises it. */
export interface SandboxReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as-is (set content-type yourself). */
  body?: unknown;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxReply => ({
  status,
  body,
  headers,
});

export const noContent = (): SandboxReply => ({ status: 204 });

export const html = (status: number, markup: string): SandboxReply => ({
  status,
  body: markup,
  headers: { 'content-type': 'text/html; charset=utf-8' },
});

export const redirect = (location: string): SandboxReply => ({ status: 302, headers: { location } });

/** Query parameters that may be sent repeated (`a=1&a=2`, the SDK) or comma-joined (`a=1,2`, docs). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Parses a form-encoded body (OAuth endpoints). */
export function formBody(request: SandboxRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.rawBody));
}
