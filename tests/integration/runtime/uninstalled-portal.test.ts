/**
 * A portal without an active installation gets no work: due wake-ups are not swept, and a write
 * whose portal lost its access (refresh token dead, app removed) is halted, logged and left
 * pending instead of retried or failed. A reinstall resumes it: the write happens exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markUninstalled } from '../../../lib/runtime/store/installations';
import { enqueue } from '../../../lib/queue/enqueue';
import { resumePortalJob, resumePortalKey } from '../../../lib/runtime/jobs/definitions/resume-portal';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, PORTAL, propertyChange, publishExamples, type Harness } from './helpers/runtime-harness';

const MINUTE = 60_000;

describe('uninstalled portals', () => {
  let t: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t);
    await publishExamples(h.deps);
    await h.installed;
  });
  afterAll(async () => t.drop());

  async function noShow(id: number) {
    const now = Date.now();
    await h.deliver([propertyChange(id, 'lifecyclestage', 'lead', now - 100), propertyChange(id, 'last_meeting_outcome', 'NO_SHOW', now)]);
    return t.db.run.findFirstOrThrow({ where: { recordId: String(id), contractKey: 'no-show-rebook' } });
  }
  const emailsTo = (id: number) => h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === String(id));
  const reinstall = () => t.db.installation.update({ where: { portalId: PORTAL }, data: { status: 'active', uninstalledAt: null } });

  it('does not wake runs of a portal that is not installed, and wakes them after a reinstall', async () => {
    const run = await noShow(501);
    await markUninstalled(t.db, PORTAL, new Date());
    await h.advance(11 * MINUTE);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('pause');
    expect(emailsTo(501)).toHaveLength(0);

    await reinstall();
    await h.advance(0);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('await-booking');
    expect(emailsTo(501)).toHaveLength(1);
  });

  it('halts a write whose portal lost its access, logs why, and resumes it once after a reinstall', async () => {
    const run = await noShow(502);
    h.deps.crm.revoked = true;
    await h.advance(11 * MINUTE);
    const attempt = await t.db.actionAttempt.findFirstOrThrow({ where: { runId: run.id, stepId: 'send-rebook' } });
    expect(attempt.status).toBe('pending');
    expect(attempt.attempts).toBe(0);
    expect(emailsTo(502)).toHaveLength(0);
    const halted = await t.db.decisionLog.findFirstOrThrow({ where: { runId: run.id, outcome: 'halted' } });
    expect(halted.reason).toMatch(/no active installation in portal 62515/);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('active');

    // The access token getter marks the installation uninstalled when the refresh token dies.
    await markUninstalled(t.db, PORTAL, new Date());
    h.deps.crm.revoked = false;
    await h.drain();
    expect(emailsTo(502)).toHaveLength(0);

    await reinstall();
    await enqueue(t.db, resumePortalJob, { portalId: PORTAL.toString() }, { jobKey: resumePortalKey(PORTAL) });
    await h.drain();
    await enqueue(t.db, resumePortalJob, { portalId: PORTAL.toString() }, { jobKey: resumePortalKey(PORTAL) });
    await h.drain();
    expect(emailsTo(502)).toHaveLength(1);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('await-booking');
  });
});
