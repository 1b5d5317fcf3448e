/**
 * Everything a runtime job needs, passed in (never imported as singletons), so a test can hand
 * in its own database, clock, CRM port and engine binding.
 */
import type { Db } from '../db/prisma';
import type { CrmPort } from '../hubspot/crm-port';
import type { RuntimeClock } from './clock';
import type { EnginePort } from './run/engine-port';

export interface RuntimeDeps {
  db: Db;
  clock: RuntimeClock;
  crm: CrmPort;
  engine: EnginePort;
  /** This process's id: owner of run leases, row in worker_heartbeats. */
  processId: string;
}
