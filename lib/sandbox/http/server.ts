/**
 * The sandbox's node:http server. Per request: read the body, match a route, authenticate
 * (Bearer routes), count against the rate limit, apply injected faults, run the handler, and
 * serialise its reply. Every thrown `SandboxError` becomes its HubSpot-shaped response; anything
 * else is logged and answered with HubSpot's 500 body, so no input can crash the process.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { log } from '../../log';
import { authenticate } from './authenticate';
import { apiError, SandboxError } from './hubspot-errors';
import type { SandboxContext, SandboxServices } from './sandbox-context';
import type { SandboxReply, SandboxRequest } from './sandbox-request';
import { createRouter, type Route } from './router';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw apiError(413, 'VALIDATION_ERROR', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: string | undefined;
  if (reply.body !== undefined && reply.status !== 204) {
    if (typeof reply.body === 'string') body = reply.body;
    else {
      body = JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json;charset=utf-8';
    }
  }
  response.writeHead(reply.status, headers);
  response.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSandboxServer(routes: readonly Route[], services: SandboxServices): Server {
  const match = createRouter(routes);

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (incoming.method ?? 'GET').toUpperCase();
    const url = new URL(incoming.url ?? '/', 'http://sandbox.local');
    const found = match(method, url.pathname);
    if (!found.route) {
      if (found.allowed.length > 0) throw apiError(405, 'METHOD_NOT_ALLOWED', `HTTP ${method} is not supported by this URL`);
      throw apiError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    }
    const route = found.route;
    const request: SandboxRequest = {
      method, url, path: url.pathname, query: url.searchParams, headers: incoming.headers,
      rawBody: await readBody(incoming), params: found.params,
    };
    const context: SandboxContext = { ...services, grant: null };
    let rateHeaders: Record<string, string> = {};
    if (route.auth === 'bearer') {
      const scopes = typeof route.scopes === 'function' ? route.scopes(found.params) : route.scopes;
      context.grant = authenticate(services.state, incoming.headers.authorization, scopes);
      const key = `${context.grant.portalId}:${context.grant.appId}`;
      rateHeaders = services.limiter.take(key, route.bucket ?? 'standard', services.state.now());
    }
    const portalId = context.grant?.portalId;
    if (route.auth !== 'control') {
      for (const fault of services.faults.take(method, url.pathname, portalId, ['latency', 'error', 'reset'])) {
        if (fault.kind === 'latency') await sleep(fault.latencyMs);
        if (fault.kind === 'reset') {
          incoming.socket.destroy();
          return;
        }
        if (fault.kind === 'error') {
          throw new SandboxError(fault.status, { status: 'error', message: 'internal error', correlationId: randomUUID() });
        }
      }
    }
    let reply: SandboxReply;
    try {
      reply = await route.handler(request, context);
    } catch (error) {
      // Error responses count against the budget too, and carry the same headers.
      if (error instanceof SandboxError) throw new SandboxError(error.status, error.body, { ...rateHeaders, ...error.headers });
      throw error;
    }
    if (route.writes && route.auth !== 'control' && reply.status < 300) {
      if (services.faults.take(method, url.pathname, portalId, ['drop-after-write']).length > 0) {
        incoming.socket.destroy();
        return;
      }
    }
    send(response, { ...reply, headers: { ...rateHeaders, ...(reply.headers ?? {}) } });
  }

  return createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent || incoming.socket.destroyed) return;
      if (error instanceof SandboxError) {
        send(response, { status: error.status, body: error.body, headers: error.headers });
        return;
      }
      const correlationId = randomUUID();
      log.error('sandbox handler failed', { correlationId, error: String((error as Error)?.stack ?? error) });
      send(response, { status: 500, body: { status: 'error', message: 'internal error', correlationId, category: 'INTERNAL_ERROR' } });
    });
  });
}
