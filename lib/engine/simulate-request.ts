/**
 * One simulation request, as the CLI and the simulate API both receive it: the contract (JSON or
 * YAML text, or a parsed object), the starting record, the timed events (JSON Lines text or an
 * array) and options. Parsed with zod; every problem is returned in plain words, never thrown.
 */
import { z } from 'zod';
import { parseContract } from '../contracts/parse-contract';
import { isoDurationSchema } from '../contracts/schema';
import { simulate, type SimulationResult } from './simulate';
import { parseEventLines, simEventSchema, simRecordSchema, toSimEvent, type SimEvent } from './simulation-input';
import type { SharedState } from './types';

/** Most events one simulation accepts (a bound on the work a request can ask for). */
const MAX_SIM_EVENTS = 1000;

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** Shared state as JSON (times as ISO text). */
const sharedStateInputSchema = z.strictObject({
  activeRuns: z.array(z.strictObject({ contractKey: z.string(), runId: z.string() })).default([]),
  heldLanes: z.array(z.strictObject({ lane: z.string(), contractKey: z.string(), runId: z.string(), priority: z.number().int().default(0) })).default([]),
  completed: z.array(z.strictObject({ contractKey: z.string(), exitId: z.string(), exitedAt: instant })).default([]),
}) satisfies z.ZodType<SharedState, unknown>;

/** The request body of `POST /api/simulate` (and what the CLI assembles from its flags). */
export const simulateRequestSchema = z.strictObject({
  contract: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  record: simRecordSchema,
  events: z.union([z.string(), z.array(z.unknown()).max(MAX_SIM_EVENTS)]).default([]),
  start: instant.optional(),
  timeZone: z.string().min(1).optional(),
  stageOrders: z.record(z.string(), z.array(z.string())).optional(),
  shared: sharedStateInputSchema.optional(),
  /** Action steps that fail for good: step ids, or step id → error text. */
  fail: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
  horizon: isoDurationSchema.optional(),
});
/** A simulation request as written. */
export type SimulateRequest = z.input<typeof simulateRequestSchema>;

/** The outcome: the simulation, or the problems that stopped it. */
export type SimulateResponse = { ok: true; contractKey: string; result: SimulationResult } | { ok: false; problems: string[] };

/**
 * Runs a request. `defaultStart` is used when neither `start` nor an absolute event time is
 * given (the edge passes its clock's now; the engine never reads one).
 */
export function runSimulation(body: unknown, defaultStart: Date): SimulateResponse {
  const parsed = simulateRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`) };
  const request = parsed.data;

  const contract = parseContract(request.contract);
  if (contract.unreadable) return { ok: false, problems: [`contract: ${contract.unreadable}`] };
  if (!contract.complete) {
    const findings = contract.findings.map((f) => `contract${f.path}: ${f.message}`);
    return { ok: false, problems: findings.length > 0 ? findings : ['contract: incomplete; a simulation needs a trigger, entry, steps and exits'] };
  }

  const events = readEvents(request.events);
  if (events.problems.length > 0) return { ok: false, problems: events.problems };
  if (events.events.length > MAX_SIM_EVENTS) return { ok: false, problems: [`events: at most ${MAX_SIM_EVENTS} events per simulation`] };

  const fail = Array.isArray(request.fail) ? Object.fromEntries(request.fail.map((id) => [id, 'failed in simulation'])) : (request.fail ?? {});
  const result = simulate(contract.complete, request.record, events.events, {
    start: request.start,
    defaultStart,
    portal: { timeZone: request.timeZone ?? 'UTC', ...(request.stageOrders ? { stageOrders: request.stageOrders } : {}) },
    shared: request.shared,
    actionOutcomes: Object.fromEntries(Object.entries(fail).map(([stepId, error]) => [stepId, { outcome: 'failed' as const, error }])),
    horizon: request.horizon,
  });
  return { ok: true, contractKey: contract.complete.key, result };
}

function readEvents(events: string | unknown[]): { events: SimEvent[]; problems: string[] } {
  if (typeof events === 'string') {
    const read = parseEventLines(events);
    return { events: read.events, problems: read.problems.map((p) => `events line ${p.line}: ${p.message}`) };
  }
  const out: SimEvent[] = [];
  const problems: string[] = [];
  events.forEach((value, index) => {
    const parsed = simEventSchema.safeParse(value);
    if (parsed.success) out.push(toSimEvent(parsed.data));
    else problems.push(`events[${index}]: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  });
  return { events: out, problems };
}
