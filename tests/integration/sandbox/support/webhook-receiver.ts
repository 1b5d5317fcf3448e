/** A tiny HTTP server standing in for the app's webhook endpoint: records every request, answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  events: Record<string, unknown>[];
  at: number;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status (or 'hang' to never answer) for the next requests; default 204. */
  respond: (next: (request: ReceivedRequest, index: number) => number | 'hang') => void;
  /** Resolves once at least `count` requests arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
  inFlightPeak: () => number;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(path = '/api/hubspot/webhooks', delayMs = 0): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let decide: (request: ReceivedRequest, index: number) => number | 'hang' = () => 204;
  let inFlight = 0;
  let peak = 0;
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = { headers: req.headers, rawBody, events: JSON.parse(rawBody || '[]'), at: Date.now() };
      requests.push(request);
      waiters.splice(0).forEach((w) => w());
      const outcome = decide(request, requests.length - 1);
      const finish = () => {
        inFlight--;
        if (outcome === 'hang') return;
        res.writeHead(outcome).end();
      };
      if (outcome === 'hang') {
        res.on('close', () => inFlight--);
        return;
      }
      if (delayMs > 0) setTimeout(finish, delayMs);
      else finish();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    respond: (next) => {
      decide = next;
    },
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    inFlightPeak: () => peak,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
