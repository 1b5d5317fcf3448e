/**
 * The card backend's response (`GET /api/hubspot/card`) and a strict parser for it.
 *
 * Hand-written instead of zod so the card bundle HubSpot builds stays dependency-free; any shape
 * the parser does not accept becomes the card's error state, never a crash.
 */

/** One run of a contract that is still in progress on this record. */
export interface ActiveRun {
  runId: string;
  contractKey: string;
  contractName: string;
  /** Null while a run has not reached its first step yet. */
  stepId: string | null;
  startedAt: string;
  dueAt: string | null;
}

/** The most recent entry decision Waymark made for this record, with its reason ("why"). */
export interface LastDecision {
  at: string;
  kind: string;
  outcome: string;
  reason: string;
  /** Null for decisions that concern no single contract (e.g. a record skipped by every trigger). */
  contractKey: string | null;
}

/** Everything the card shows. Links carry short-lived signed tokens minted by the backend. */
export interface CardPayload {
  record: { objectType: string; objectId: string };
  activeRuns: ActiveRun[];
  lastDecision: LastDecision | null;
  lanes: { lane: string; contractKey: string }[];
  warnings: { code: string; message: string }[];
  links: { recordPanel: string; editor: string; audit: string };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function str(source: Json, key: string): string {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`missing "${key}"`);
}

function optionalStr(source: Json, key: string): string | null {
  const value = source[key];
  return value === null || value === undefined ? null : str(source, key);
}

function list<T>(source: Json, key: string, item: (entry: Json) => T): T[] {
  const value = source[key];
  if (!Array.isArray(value)) throw new Error(`"${key}" is not a list`);
  return value.map((entry) => {
    if (!isObject(entry)) throw new Error(`"${key}" holds a non-object`);
    return item(entry);
  });
}

/** Parses the backend's JSON; throws an Error naming the first field that does not fit. */
export function parseCardPayload(raw: unknown): CardPayload {
  if (!isObject(raw)) throw new Error('response is not an object');
  const record = raw.record;
  const links = raw.links;
  if (!isObject(record)) throw new Error('missing "record"');
  if (!isObject(links)) throw new Error('missing "links"');
  const decision = raw.lastDecision;
  if (decision !== null && decision !== undefined && !isObject(decision)) throw new Error('bad "lastDecision"');
  return {
    record: { objectType: str(record, 'objectType'), objectId: str(record, 'objectId') },
    activeRuns: list(raw, 'activeRuns', (run) => ({
      runId: str(run, 'runId'),
      contractKey: str(run, 'contractKey'),
      contractName: str(run, 'contractName'),
      stepId: optionalStr(run, 'stepId'),
      startedAt: str(run, 'startedAt'),
      dueAt: optionalStr(run, 'dueAt'),
    })),
    lastDecision: isObject(decision)
      ? {
          at: str(decision, 'at'),
          kind: str(decision, 'kind'),
          outcome: str(decision, 'outcome'),
          reason: str(decision, 'reason'),
          contractKey: optionalStr(decision, 'contractKey'),
        }
      : null,
    lanes: list(raw, 'lanes', (lane) => ({ lane: str(lane, 'lane'), contractKey: str(lane, 'contractKey') })),
    warnings: list(raw, 'warnings', (w) => ({ code: str(w, 'code'), message: str(w, 'message') })),
    links: { recordPanel: str(links, 'recordPanel'), editor: str(links, 'editor'), audit: str(links, 'audit') },
  };
}

/** "2026-11-30T09:15:00.000Z" → "2026-11-30 09:15 UTC": stable in every locale and in tests. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
