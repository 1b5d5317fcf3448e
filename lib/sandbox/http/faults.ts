/**
 * Fault injection for tests and demos, set through the control API: answer with an error status,
 * add latency, reset the connection before handling, or drop the connection after a successful
 * write (the write happened, the client never hears back: the case idempotency keys exist for).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const faultSchema = z.object({
  kind: z.enum(['error', 'latency', 'drop-after-write', 'reset']),
  /** Only requests for this portal (by token) are affected; omitted = any. */
  portalId: z.number().int().optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** Path prefix, e.g. `/crm/v3/objects/contacts`; omitted = any API path. */
  path: z.string().startsWith('/').optional(),
  status: z.number().int().min(400).max(599).default(500),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** How many matching requests are affected (default 1). */
  times: z.number().int().min(1).max(10_000).default(1),
});

/** An active fault rule. */
export type Fault = z.infer<typeof faultSchema> & { id: string; hits: number };

export class FaultInjector {
  readonly faults: Fault[] = [];

  add(input: z.infer<typeof faultSchema>): Fault {
    const fault: Fault = { ...input, id: randomUUID(), hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Takes the matching faults for a request (each use counts against `times`). */
  take(method: string, path: string, portalId: number | undefined, kinds: readonly Fault['kind'][]): Fault[] {
    const hits: Fault[] = [];
    for (const fault of [...this.faults]) {
      if (!kinds.includes(fault.kind)) continue;
      if (fault.method && fault.method !== method) continue;
      if (fault.path && !path.startsWith(fault.path)) continue;
      if (fault.portalId !== undefined && fault.portalId !== portalId) continue;
      fault.hits++;
      hits.push(fault);
      if (fault.hits >= fault.times) this.faults.splice(this.faults.indexOf(fault), 1);
    }
    return hits;
  }
}
