/** A tiny HTTP server standing in for the app's webhook endpoint: records every request, answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  events: Record<string, unknown>[];
  at: number;
}

/** How the receiver answers one request. */
export type Outcome = number | 'hang' | { status: number; delayMs: number };

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status (or 'hang' to never answer, or a status after a delay) for the next requests; default 204. */
  respond: (next: (request: ReceivedRequest, index: number) => Outcome) => void;
  /** Every request ever received (never cleared). */
  history: ReceivedRequest[];
  /** Resolves once at least `count` requests arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
  inFlightPeak: () => number;
  /** Starts peak measurement afresh (hung requests of earlier tests may still be closing). */
  resetPeak: () => void;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(path = '/api/hubspot/webhooks', delayMs = 0): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const history: ReceivedRequest[] = [];
  let decide: (request: ReceivedRequest, index: number) => Outcome = () => 204;
  let inFlight = 0;
  let peak = 0;
  // Requests started before a resetPeak() no longer count, so their late closes are ignored.
  let generation = 0;
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const born = generation;
    const done = () => {
      if (born === generation) inFlight--;
    };
    inFlight++;
    peak = Math.max(peak, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = { headers: req.headers, rawBody, events: JSON.parse(rawBody || '[]'), at: Date.now() };
      requests.push(request);
      history.push(request);
      waiters.splice(0).forEach((w) => w());
      const outcome = decide(request, requests.length - 1);
      if (outcome === 'hang') {
        res.on('close', done);
        return;
      }
      const status = typeof outcome === 'number' ? outcome : outcome.status;
      const wait = typeof outcome === 'number' ? delayMs : outcome.delayMs;
      const finish = () => {
        done();
        res.writeHead(status).end();
      };
      if (wait > 0) setTimeout(finish, wait);
      else finish();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    history,
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
    resetPeak: () => {
      generation++;
      peak = 0;
      inFlight = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
