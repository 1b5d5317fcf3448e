/**
 * Writes a new run that has already entered its first step as ONE SQL statement (no
 * interactive transaction): the run row at its position, its lanes, its decisions, and the
 * attempt rows and queue jobs of any actions its first step asks for. A single statement is
 * atomic, so a unique-index conflict (another active run of the contract for the record, or a
 * lane holder) rolls all of it back and surfaces as one error, as a transaction would, at a
 * fraction of the round trips (enrollment is the hot path of webhook processing).
 */
import type { ActionCommand, Decision, RunSnapshot } from '../../engine/types';
import { performActionKey } from '../jobs/definitions/perform-action';
import { runStateJson } from './run-rows';
import type { Sql } from './sql';
import { decisionJson } from './write-decisions';

export interface EnteredRunRow {
  portalId: bigint;
  contractId: string;
  versionId: string;
  contractKey: string;
  objectType: string;
  recordId: string;
  run: RunSnapshot;
  startedAt: Date;
  signalCursor: bigint;
  lanes: readonly string[];
  priority: number;
  decisions: readonly Decision[];
  actions: readonly (ActionCommand & { stepId: string })[];
  actor?: string | null;
}

/** An `action_attempts` row to insert, as the JSON the attempt inserts unpack. */
export function attemptJson(stepId: string, command: ActionCommand) {
  return { stepId, key: command.idempotencyKey, kind: command.action, request: { action: command.action, with: command.with } };
}

export async function insertEnteredRun(sql: Sql, row: EnteredRunRow): Promise<void> {
  const state = runStateJson(row.run);
  const decisions = row.decisions.map((d) => ({ ...decisionJson(d), contractKey: d.contractKey ?? row.contractKey }));
  const actions = row.actions.map((a) => ({ ...attemptJson(a.stepId, a), job: performActionKey(a.idempotencyKey) }));
  await sql.query(
    `WITH run AS (
       INSERT INTO runs (id, portal_id, contract_id, contract_version_id, contract_key, object_type, record_id, status,
                         current_step_id, seq, due_at, state, started_at, signal_cursor, updated_at)
       VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6, $7, 'active', $8, $9, $10, $11::jsonb, $12, $13, now())
       RETURNING id
     ), lanes AS (
       INSERT INTO lane_holdings (portal_id, lane, object_type, record_id, run_id, priority, acquired_at)
       SELECT $2, lane, $6, $7, run.id, $14, $12 FROM run, unnest($15::text[]) AS lane
       RETURNING id
     ), log AS (
       INSERT INTO decision_log (portal_id, run_id, contract_key, object_type, record_id, kind, outcome, reason, inputs, actor, at)
       SELECT $2, run.id, d->>'contractKey', $6, $7, d->>'kind', d->>'outcome', d->>'reason', d->'inputs', $16, (d->>'at')::timestamptz
         FROM run, jsonb_array_elements($17::jsonb) WITH ORDINALITY AS x(d, n)
        ORDER BY n
       RETURNING id
     ), attempts AS (
       INSERT INTO action_attempts (portal_id, run_id, step_id, idempotency_key, kind, request, updated_at)
       SELECT $2, run.id, a->>'stepId', a->>'key', a->>'kind', a->'request', now()
         FROM run, jsonb_array_elements($18::jsonb) AS a
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id
     ), jobs AS (
       SELECT graphile_worker.add_jobs(ARRAY(
         SELECT ROW('perform-action', json_build_object('runId', run.id, 'seq', $9::int, 'stepId', a->>'stepId', 'idempotencyKey', a->>'key'),
                    NULL, NULL, 25, a->>'job', 0, NULL)::graphile_worker.job_spec
           FROM run, jsonb_array_elements($18::jsonb) AS a)) AS job
        WHERE jsonb_array_length($18::jsonb) > 0
     )
     SELECT (SELECT count(*) FROM lanes) AS lanes, (SELECT count(*) FROM log) AS log,
            (SELECT count(*) FROM attempts) AS attempts, (SELECT count(*) FROM jobs) AS jobs`,
    [
    row.run.runId,
    row.portalId.toString(),
    row.contractId,
    row.versionId,
    row.contractKey,
    row.objectType,
    row.recordId,
    row.run.currentStepId,
    row.run.seq,
    row.run.dueAt ?? null,
    state,
    row.startedAt,
    row.signalCursor.toString(),
    row.priority,
    [...row.lanes],
    row.actor ?? null,
    JSON.stringify(decisions),
    JSON.stringify(actions),
    ],
  );
}
