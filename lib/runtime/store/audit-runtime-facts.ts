/**
 * The state-store queries behind the audit's runtime rules (issue #11 §3): runs and the decision
 * log of one portal, summarised per contract. Each query is bounded (a few examples per group,
 * the oldest active runs first), so a large portal's audit reads kilobytes, not its history.
 * The pure rules in lib/audit decide what is a finding; these only report what happened.
 */
import type { Sql } from './sql';

/** An active run, as the stuck-run rule needs it. */
export interface ActiveRunFact {
  runId: string;
  contractKey: string;
  objectType: string;
  recordId: string;
  currentStepId: string | null;
  startedAt: Date;
  dueAt: Date | null;
}

/** Per contract: enrolments, failures per day, when it last enrolled anyone. */
export interface ContractActivityFact {
  contractKey: string;
  activeRuns: number;
  enrolledLast30Days: number;
  lastEnrolledAt: Date | null;
  /** Failed actions per UTC day over the window, oldest first (`YYYY-MM-DD`). */
  failuresByDay: { day: string; failures: number }[];
}

/** Something the runtime refused (a collision prevented, a stage write refused), with examples. */
export interface RefusalFact {
  contractKey: string | null;
  /** `active-run`, `lane-busy`, `run-conflict`, `idempotency` or `stage-refused`. */
  kind: string;
  count: number;
  examples: { recordId: string | null; reason: string; at: Date }[];
}

export interface RuntimeFactRows {
  activeRuns: ActiveRunFact[];
  activity: ContractActivityFact[];
  refusals: RefusalFact[];
  /** Exited runs with no recorded exit (the `runs_exit_recorded` check makes this 0). */
  exitedWithoutExit: number;
}

const DAY_MS = 86_400_000;

const ACTIVE_RUNS = `SELECT id::text AS "runId", contract_key AS "contractKey", object_type AS "objectType", record_id AS "recordId",
  current_step_id AS "currentStepId", started_at AS "startedAt", due_at AS "dueAt"
  FROM runs WHERE portal_id = $1 AND status = 'active' ORDER BY started_at LIMIT $2`;

const ACTIVITY = `WITH keys AS (SELECT DISTINCT key AS contract_key FROM contracts WHERE portal_id = $1),
  enrolled AS (SELECT contract_key, count(*) FILTER (WHERE at >= $2)::int AS recent, max(at) AS last
    FROM decision_log WHERE portal_id = $1 AND kind = 'entry' AND outcome = 'enrolled' GROUP BY contract_key),
  active AS (SELECT contract_key, count(*)::int AS n FROM runs WHERE portal_id = $1 AND status = 'active' GROUP BY contract_key),
  failed AS (SELECT contract_key, to_char(date_trunc('day', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM decision_log WHERE portal_id = $1 AND kind = 'action' AND outcome = 'failed' AND at >= $2 GROUP BY 1, 2)
  SELECT k.contract_key AS "contractKey", COALESCE(a.n, 0) AS "activeRuns", COALESCE(e.recent, 0) AS "enrolledLast30Days", e.last AS "lastEnrolledAt",
    COALESCE((SELECT json_agg(json_build_object('day', f.day, 'failures', f.n) ORDER BY f.day) FROM failed f WHERE f.contract_key = k.contract_key), '[]') AS "failuresByDay"
  FROM keys k LEFT JOIN enrolled e USING (contract_key) LEFT JOIN active a USING (contract_key) ORDER BY k.contract_key`;

// Which decision rows are a refusal, and of what kind (see lib/engine/evaluate-entry.ts,
// run/enroll-record.ts, jobs/perform-action.ts).
const REFUSALS = `WITH r AS (
    SELECT contract_key, record_id, reason, at,
      CASE WHEN kind = 'stage-refused' THEN 'stage-refused'
           WHEN kind = 'action' AND outcome = 'recovered' THEN 'idempotency'
           WHEN inputs ? 'conflict' THEN 'run-conflict'
           ELSE inputs->>'rule' END AS refusal
    FROM decision_log
    WHERE portal_id = $1 AND at >= $2 AND (
      kind = 'stage-refused' OR (kind = 'action' AND outcome = 'recovered')
      OR (kind = 'entry' AND outcome = 'rejected' AND (inputs ? 'conflict' OR inputs->>'rule' IN ('active-run', 'lane-busy'))))),
  ranked AS (SELECT *, row_number() OVER (PARTITION BY contract_key, refusal ORDER BY at DESC) AS n, count(*) OVER (PARTITION BY contract_key, refusal) AS total FROM r)
  SELECT contract_key AS "contractKey", refusal AS kind, max(total)::int AS count,
    json_agg(json_build_object('recordId', record_id, 'reason', reason, 'at', at) ORDER BY at DESC) FILTER (WHERE n <= $3) AS examples
  FROM ranked GROUP BY contract_key, refusal ORDER BY contract_key NULLS FIRST, refusal`;

/** Reads the runtime facts of a portal as of `now` (windows of `windowDays`, default 30). */
export async function loadRuntimeFactRows(sql: Sql, portalId: bigint, now: Date, options: { windowDays?: number; maxActiveRuns?: number; examples?: number } = {}): Promise<RuntimeFactRows> {
  const since = new Date(now.getTime() - (options.windowDays ?? 30) * DAY_MS);
  const [activeRuns, activity, refusals, missing] = await Promise.all([
    sql.query<ActiveRunFact>(ACTIVE_RUNS, [portalId, options.maxActiveRuns ?? 1000]),
    sql.query<ContractActivityFact>(ACTIVITY, [portalId, since]),
    sql.query<Omit<RefusalFact, 'examples'> & { examples: { recordId: string | null; reason: string; at: string }[] }>(REFUSALS, [portalId, since, options.examples ?? 3]),
    sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE portal_id = $1 AND status = 'exited' AND exit_id IS NULL`, [portalId]),
  ]);
  return {
    activeRuns,
    activity,
    refusals: refusals.map((r) => ({ ...r, examples: r.examples.map((e) => ({ ...e, at: new Date(e.at) })) })),
    exitedWithoutExit: missing[0]?.n ?? 0,
  };
}
