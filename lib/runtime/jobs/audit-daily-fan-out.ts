// Handler of `audit-daily-fan-out`: opens today's audit of every installed portal (keyed by date, so safe twice).
import { log } from '../../log';
import { handle } from '../../queue/worker';
import { fanOutDailyAudits } from '../audit/fan-out-daily-audits';
import type { RuntimeDeps } from '../runtime-deps';
import { auditDailyFanOutJob } from './definitions/audit-daily-fan-out';

export const auditDailyFanOutHandler = (deps: RuntimeDeps) =>
  handle(auditDailyFanOutJob, async () => {
    await deps.clock.sync();
    log.info('daily audits opened', await fanOutDailyAudits(deps));
  });
