/**
 * Appends engine decisions to the decision log (the "why" of every outcome). The log is
 * append-only in the database; rows are written in the same transaction as the state change
 * they explain.
 */
import type { Decision } from '../../engine/types';
import type { Sql } from './sql';

/** Where a group of decisions belongs. */
export interface DecisionScope {
  portalId: bigint;
  objectType: string;
  recordId: string;
  runId?: string | null;
  contractKey?: string | null;
  actor?: string | null;
}

export interface DecisionRow extends DecisionScope {
  decision: Decision;
}

/** A decision's own columns, as the JSON the log inserts unpack (the step id goes into `inputs`). */
export function decisionJson(d: Decision) {
  return { kind: d.kind, outcome: d.outcome, reason: d.reason, inputs: { ...d.inputs, ...(d.stepId ? { stepId: d.stepId } : {}) }, at: d.at.toISOString() };
}

export async function writeDecisions(sql: Sql, rows: readonly DecisionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map(({ decision: d, ...scope }) => ({
    ...decisionJson(d),
    portalId: scope.portalId.toString(),
    runId: scope.runId ?? null,
    contractKey: d.contractKey ?? scope.contractKey ?? null,
    objectType: scope.objectType,
    recordId: scope.recordId,
    actor: scope.actor ?? null,
  }));
  await sql.query(
    `INSERT INTO decision_log (portal_id, run_id, contract_key, object_type, record_id, kind, outcome, reason, inputs, actor, at)
     SELECT (d->>'portalId')::bigint, (d->>'runId')::uuid, d->>'contractKey', d->>'objectType', d->>'recordId', d->>'kind',
            d->>'outcome', d->>'reason', d->'inputs', d->>'actor', (d->>'at')::timestamptz
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(d, n)
      ORDER BY n`,
    [JSON.stringify(data)],
  );
}

/** Shorthand: the same scope for many decisions. */
export function scoped(scope: DecisionScope, decisions: readonly Decision[]): DecisionRow[] {
  return decisions.map((decision) => ({ ...scope, decision }));
}
