/**
 * Everything a runtime job needs, passed in (never imported as singletons), so a test can hand
 * in its own database, clock, CRM port and engine binding.
 */
import type pg from 'pg';
import type { Db } from '../db/prisma';
import type { CrmPort } from '../hubspot/crm-port';
import type { RuntimeClock } from './clock';
import type { EnginePort } from './run/engine-port';
import { pgSql, type Sql } from './store/sql';

export interface RuntimeDeps {
  db: Db;
  /**
   * A plain `pg` pool on the same database for the few hot-path statements (enrollment): one
   * round trip there costs a fraction of a Prisma raw query.
   */
  sql: pg.Pool;
  clock: RuntimeClock;
  crm: CrmPort;
  engine: EnginePort;
  /** This process's id: owner of run leases, row in worker_heartbeats. */
  processId: string;
}

/** The runtime's SQL handle on its `pg` pool. */
export const sqlOf = (deps: Pick<RuntimeDeps, 'sql'>): Sql => pgSql(deps.sql);
