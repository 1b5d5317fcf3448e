/**
 * Simulation input as it arrives from the CLI (`--record <json>`, `--events <jsonl>`) or the
 * simulate API: parsed with zod into the engine's own types. Event times are either ISO
 * instants or ISO-8601 durations counted from the simulation start (`"P3D"` = three days in).
 * Values are turned into text, because that is how HubSpot sends them.
 */
import { z } from 'zod';
import { addIsoDuration, isIsoDuration, parseIsoDuration, scalarSchema } from '../contracts/schema';
import { NAMED_EVENTS, type SignalBody } from './types';

const text = (value: string | number | boolean | null) => (value === null ? null : String(value));

/** The starting record: `{ "properties": {…}, "id"? }` or just the properties. */
export const simRecordSchema = z
  .union([
    z.strictObject({ id: z.union([z.string(), z.number()]).optional(), properties: z.record(z.string(), scalarSchema) }),
    z.record(z.string(), scalarSchema),
  ])
  .transform((value) => {
    const wrapped = typeof value.properties === 'object' && value.properties !== null;
    const properties = (wrapped ? value.properties : value) as Record<string, string | number | boolean | null>;
    return {
      id: wrapped && value.id !== undefined ? String(value.id) : 'simulated',
      properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, text(v)])),
    };
  });
/** A parsed starting record. */
export type SimRecord = z.output<typeof simRecordSchema>;

const when = z.union([z.iso.datetime({ offset: true }), z.string().refine(isIsoDuration, 'is not an ISO instant or an ISO-8601 duration such as P3D')]);

/** One timed signal. `{ "at", "event": "replied" }` is short for a named event. */
export const simEventSchema = z.union([
  z.strictObject({ at: when, kind: z.literal('property_changed'), property: z.string().min(1), to: scalarSchema }),
  z.strictObject({ at: when, kind: z.literal('event'), name: z.enum(NAMED_EVENTS) }),
  z.strictObject({ at: when, event: z.enum(NAMED_EVENTS) }),
  z.strictObject({ at: when, kind: z.literal('association_changed'), toObject: z.string().min(1), toObjectId: z.string().default('1'), removed: z.boolean().default(false) }),
  z.strictObject({ at: when, kind: z.enum(['created', 'deleted', 'restored']) }),
  z.strictObject({ at: when, kind: z.literal('merged'), into: z.string().min(1) }),
]);

/** A timed signal ready for the simulator (time still relative or absolute). */
export interface SimEvent {
  at: string;
  signal: SignalBody;
}

/** Parses one event line. */
export function toSimEvent(value: z.output<typeof simEventSchema>): SimEvent {
  if ('event' in value) return { at: value.at, signal: { kind: 'event', name: value.event } };
  if (value.kind === 'property_changed') return { at: value.at, signal: { kind: 'property_changed', property: value.property, to: text(value.to) } };
  const { at, ...signal } = value;
  return { at, signal: signal as SignalBody };
}

/** The instant of an event time: absolute, or a duration after `start`. */
export function resolveEventTime(at: string, start: Date): Date | undefined {
  const duration = parseIsoDuration(at);
  if (duration) return addIsoDuration(start, duration);
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** One problem with the input, in words, with the line it is on. */
export interface InputProblem {
  line: number;
  message: string;
}

/** Parses JSON Lines of events; every bad line is reported, none is dropped silently. */
export function parseEventLines(jsonl: string): { events: SimEvent[]; problems: InputProblem[] } {
  const events: SimEvent[] = [];
  const problems: InputProblem[] = [];
  jsonl.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, message: 'not JSON' });
      return;
    }
    const parsed = simEventSchema.safeParse(json);
    if (parsed.success) events.push(toSimEvent(parsed.data));
    else problems.push({ line: index + 1, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') });
  });
  return { events, problems };
}
