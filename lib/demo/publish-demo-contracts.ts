/**
 * Puts the example contracts live in the demo portal through Waymark's own contracts API (the
 * lint-gated publish every user goes through; sandbox mode accepts the local operator without an
 * embed token). Publishing unchanged content is a no-op, so this is safe on every start; a
 * contract someone paused or retired stays as they left it.
 */
import { z } from 'zod';
import { DEMO_CONTRACTS } from './demo-portal';

const ACTOR = 'demo-bootstrap';

const listed = z.object({ contracts: z.array(z.object({ key: z.string(), status: z.string() })) });
const published = z.object({ published: z.literal(true), version: z.number(), unchanged: z.boolean() });
const refused = z.object({ error: z.string(), findings: z.array(z.object({ rule: z.string().optional(), message: z.string().optional() }).loose()).optional() });

/** What happened to one contract. */
export interface PublishOutcome {
  key: string;
  result: 'published' | 'unchanged' | 'left-as-is';
  version?: number;
  status?: string;
}

export async function publishDemoContracts(appUrl: string, portalId: number): Promise<PublishOutcome[]> {
  const headers = { 'content-type': 'application/json', 'x-waymark-actor': ACTOR };
  const list = await fetch(`${appUrl}/api/contracts?portalId=${portalId}`, { headers, signal: AbortSignal.timeout(120_000) });
  if (!list.ok) throw new Error(`GET /api/contracts answered HTTP ${list.status}: ${(await list.text()).slice(0, 300)}`);
  const statuses = new Map(listed.parse(await list.json()).contracts.map((c) => [c.key, c.status]));
  const outcomes: PublishOutcome[] = [];
  for (const { key, source } of DEMO_CONTRACTS) {
    const status = statuses.get(key);
    if (status === 'paused' || status === 'retired') {
      outcomes.push({ key, result: 'left-as-is', status });
      continue;
    }
    const response = await fetch(`${appUrl}/api/contracts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ portalId: String(portalId), contract: source }),
      signal: AbortSignal.timeout(120_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const why = refused.safeParse(body);
      const detail = why.success ? `${why.data.error} ${JSON.stringify(why.data.findings ?? [])}` : JSON.stringify(body);
      throw new Error(`publishing ${key} answered HTTP ${response.status}: ${detail.slice(0, 500)}`);
    }
    const ok = published.parse(body);
    outcomes.push({ key, result: ok.unchanged ? 'unchanged' : 'published', version: ok.version });
  }
  return outcomes;
}
