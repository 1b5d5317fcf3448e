/**
 * The record panel's use-cases against real Postgres and the real runtime: a lead enters the
 * example contracts, the panel shows the run (name, version, step, next wake-up in the portal's
 * zone and relative, lanes), the decisions as lib/explain sentences with their inputs and
 * version, and after a person exits the run, its exit and the decision naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitRunManually } from '../../../lib/runtime/control/exit-run';
import { loadPanelAccess } from '../../../lib/runtime/panel/load-panel-access';
import { loadRecordPanel } from '../../../lib/runtime/panel/load-record-panel';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

let t: TestDatabase;
let h: Harness;
const load = async () => loadRecordPanel(t.db, { portalId: PORTAL, objectType: 'contact', recordId: '701', now: await h.deps.clock.now() });

beforeAll(async () => {
  t = await createTestDatabase();
  h = createHarness(t);
  await h.installed;
  await t.db.installation.update({ where: { portalId: PORTAL }, data: { timeZone: 'America/New_York' } });
  await publishExamples(h.deps);
});
afterAll(async () => t.drop());

describe('record panel loader', () => {
  it('says there is nothing yet for a record Waymark never saw', async () => {
    const view = await load();
    expect(view).toMatchObject({ timeZone: 'America/New_York', runs: [], decisions: [] });
  });

  it('shows an active run with its contract, version, step, wake-up and lanes, and decisions as sentences', async () => {
    await h.deliver([propertyChange(701, 'email', 'lead@x.io', Date.now() - 10), propertyChange(701, 'lifecyclestage', 'lead')]);
    const view = await load();
    const run = view.runs.find((r) => r.contractKey === 'new-lead-follow-up');
    expect(run).toMatchObject({ contractName: expect.stringMatching(/follow-up/i), version: 1, status: 'active', exit: null });
    expect(run!.currentStep).toBeTruthy();
    expect(run!.lanes).toContain('outreach');
    expect(run!.exits.length).toBeGreaterThan(0);
    if (run!.nextWake) expect(run!.nextWake.relative).toMatch(/^in \d+ (minute|hour|day)s?$/);
    expect(run!.started).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const entered = view.decisions.find((d) => d.kind === 'enroll' && d.outcome === 'accepted');
    expect(entered?.sentence).toMatch(/^Entered /);
    expect(entered?.version).toBe(1);
    expect(JSON.parse(entered!.inputs)).toBeTypeOf('object');
    for (const d of view.decisions) {
      expect(d.sentence).not.toMatch(/\[object Object\]|PT\d+M|\.\d{3}Z/);
    }
  });

  it('after a person exits the run: its exit, reason, and the decision naming them', async () => {
    const active = (await load()).runs.find((r) => r.status === 'active' && r.contractKey === 'new-lead-follow-up')!;
    const exitId = active.exits[0]!.id;
    const outcome = await exitRunManually(h.deps, { runId: active.id, exitId, reason: 'Spoke on the phone; no more emails', actor: 'hubspot-user:42' });
    expect(outcome).toMatchObject({ advanced: true, status: 'exited' });
    await h.drain();
    const view = await load();
    const ended = view.runs.find((r) => r.id === active.id)!;
    expect(ended).toMatchObject({ status: 'exited', nextWake: null, exit: { id: exitId } });
    const logged = view.decisions.find((d) => d.kind === 'exit' && d.actor === 'hubspot-user:42');
    expect(logged?.sentence).toContain('HubSpot user 42');
  });

  it('offers the controls by role: none for a user without a role, the role list for an admin', async () => {
    expect(await loadPanelAccess(t.db, { portalId: PORTAL, userId: '9' })).toMatchObject({ role: null, canAct: false, isAdmin: false, roles: [] });
    await t.db.userRole.create({ data: { portalId: PORTAL, userId: '7', role: 'admin', grantedBy: 'installation', grantedAt: new Date() } });
    const admin = await loadPanelAccess(t.db, { portalId: PORTAL, userId: '7' });
    expect(admin).toMatchObject({ role: 'admin', canAct: true, isAdmin: true });
    expect(admin.roles.map((r) => r.userId)).toEqual(['7']);
  });
});
