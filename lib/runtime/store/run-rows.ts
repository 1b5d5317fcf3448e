/**
 * Reads and locks one run row, and turns it into the engine's `RunSnapshot`.
 *
 * Locking: every change to a run happens in a transaction that first takes the run's row lock
 * (`FOR UPDATE`) and then checks `seq` against what the caller expected. A second wake-up, a
 * duplicate job, or a job on a worker that lost its lease therefore either waits for the first
 * and then sees a newer `seq` (and does nothing), or is the first.
 */
import type { RunSnapshot, RunState } from '../../engine/types';
import type { Sql } from './sql';

/** The columns of a run the shell works with. */
export interface RunRow {
  id: string;
  portal_id: bigint;
  contract_id: string;
  contract_version_id: string;
  contract_key: string;
  object_type: string;
  record_id: string;
  status: 'active' | 'exited';
  current_step_id: string | null;
  seq: number;
  due_at: Date | null;
  state: unknown;
  started_at: Date;
  signal_cursor: bigint;
  exit_id: string | null;
}

const COLUMNS = `id, portal_id, contract_id, contract_version_id, contract_key, object_type, record_id, status,
  current_step_id, seq, due_at, state, started_at, signal_cursor, exit_id`;

export async function lockRun(sql: Sql, runId: string): Promise<RunRow | null> {
  const rows = await sql.query<RunRow>(`SELECT ${COLUMNS} FROM runs WHERE id = $1::uuid FOR UPDATE`, [runId]);
  return rows[0] ?? null;
}

export async function readRun(sql: Sql, runId: string): Promise<RunRow | null> {
  const rows = await sql.query<RunRow>(`SELECT ${COLUMNS} FROM runs WHERE id = $1::uuid`, [runId]);
  return rows[0] ?? null;
}

/** What the shell keeps in `runs.state`: the engine's bookkeeping plus when the step began. */
export interface StoredRunState {
  engine: RunState;
  stepEnteredAt?: string;
}

/** The `runs.state` JSON of a run as the engine left it (what storedRunState reads back). */
export function runStateJson(run: RunSnapshot): string {
  return JSON.stringify({ engine: run.state, stepEnteredAt: run.stepEnteredAt.toISOString() } satisfies StoredRunState);
}

export function storedRunState(raw: unknown): StoredRunState {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<StoredRunState>;
  const visits = value.engine?.visits && typeof value.engine.visits === 'object' ? value.engine.visits : {};
  return { engine: { ...(value.engine ?? {}), visits }, stepEnteredAt: value.stepEnteredAt };
}

export function runSnapshot(row: RunRow, version: number, firstStepId: string): RunSnapshot {
  const state = storedRunState(row.state);
  return {
    runId: row.id,
    contractKey: row.contract_key,
    version,
    currentStepId: row.current_step_id ?? firstStepId,
    startedAt: row.started_at,
    stepEnteredAt: state.stepEnteredAt ? new Date(state.stepEnteredAt) : row.started_at,
    dueAt: row.due_at,
    seq: row.seq,
    state: state.engine,
  };
}
