/**
 * The three workflow-action endpoints through the real route modules, on a real database and
 * queue: signature matrix, 400 naming the field, uninstalled portal, "Check Waymark entry"
 * false with the reason while a lane is held and true otherwise, a retried "Run a Waymark
 * contract" request that enrols once and a blocked execution completed exactly once with the
 * run's exit (by the job, through the CRM port), a refused entry completed with "not-entered",
 * and "Declare exit state". The CRM port is the runtime tests' in-memory one (the completion's
 * HTTP side against the sandbox is tested in tests/conformance/workflow-actions.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { parseEnv } from '../../../lib/env';
import { signatureHeaders } from '../../../lib/hubspot/signature';
import { exitRunManually } from '../../../lib/runtime/control/exit-run';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let t: TestDatabase;
let h: Harness;
const routes: Record<string, Handler> = {};
const config = parseEnv({});
const secret = config.hubspot.clientSecret;

function actionBody(callbackId: string, recordId: number, inputFields: Record<string, string>, portalId = Number(PORTAL)) {
  return JSON.stringify({
    callbackId,
    origin: { portalId, actionDefinitionId: 5001, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 9001 },
    object: { objectId: recordId, objectType: 'CONTACT' },
    inputFields,
  });
}

function signed(action: string, body: string, opts: { secret?: string; timestamp?: number; tamper?: boolean } = {}): Request {
  const path = `/api/hubspot/actions/${action}`;
  const headers = signatureHeaders(opts.secret ?? secret, { method: 'POST', uri: `${config.appUrl}${path}`, rawBody: body, timestamp: String(opts.timestamp ?? Date.now()), legacyVersion: 'v2' });
  return new Request(`http://internal:3000${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: opts.tamper ? body.replace('CONTACT', 'DEAL') : body });
}

async function post(action: string, body: string, opts?: Parameters<typeof signed>[2]) {
  const response = await routes[action]!(signed(action, body, opts), { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as { outputFields?: Record<string, string>; error?: string } };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = createHarness(t);
  await h.installed;
  await publishExamples(h.deps);
  routes['check-entry'] = (await import('../../../app/api/hubspot/actions/check-entry/route')).POST as Handler;
  routes['run-contract'] = (await import('../../../app/api/hubspot/actions/run-contract/route')).POST as Handler;
  routes['declare-exit'] = (await import('../../../app/api/hubspot/actions/declare-exit/route')).POST as Handler;
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('signature matrix and input', () => {
  const body = actionBody('sig-1', 700, {});
  it('valid → 200; tampered, stale and wrong secret → 401', async () => {
    expect((await post('check-entry', body)).status).toBe(200);
    expect((await post('check-entry', body, { tamper: true })).status).toBe(401);
    expect((await post('check-entry', body, { timestamp: Date.now() - 6 * 60 * 1000 })).status).toBe(401);
    expect((await post('check-entry', body, { secret: 'not-our-secret' })).status).toBe(401);
  });

  it('a malformed body is a 400 naming the field; a NUL anywhere is a 400, never a 500', async () => {
    const bad = await post('check-entry', JSON.stringify({ callbackId: 'x', origin: { portalId: 'abc' }, object: { objectId: 1, objectType: 'CONTACT' } }));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/origin\.portalId/);
    const nul = await post('check-entry', actionBody('nul-1', 700, { lane: 'a\u0000b' }));
    expect(nul.status).toBe(400);
  });

  it('a portal without an installation continues the workflow with the reason (200 FAIL_CONTINUE), storing nothing', async () => {
    const r = await post('run-contract', actionBody('cb-unknown', 700, { contract: 'long-term-nurture' }, 99999));
    expect(r.status).toBe(200);
    expect(r.json.outputFields).toMatchObject({ hs_execution_state: 'FAIL_CONTINUE' });
    expect(r.json.outputFields?.reason).toMatch(/not installed/);
    expect(await t.db.workflowActionExecution.count({ where: { callbackId: 'cb-unknown' } })).toBe(0);
  });
});

describe('Check Waymark entry', () => {
  it('answers true while the lane is free and false with the reason and holder while a contract holds it', async () => {
    const free = await post('check-entry', actionBody('ce-1', 801, { lane: 'outreach' }));
    expect(free.json.outputFields).toMatchObject({ allowed: 'true', laneHolder: '', activeContract: '' });

    await h.deliver([propertyChange(801, 'email', 'a@x.io', Date.now() - 10), propertyChange(801, 'lifecyclestage', 'lead')]);
    const held = await post('check-entry', actionBody('ce-2', 801, { lane: 'outreach' }));
    expect(held.json.outputFields).toMatchObject({ allowed: 'false', laneHolder: 'new-lead-follow-up', activeContract: 'new-lead-follow-up' });
    expect(held.json.outputFields?.reason).toMatch(/Lane busy: 'outreach' is held by new-lead-follow-up/);

    const contract = await post('check-entry', actionBody('ce-3', 801, { contract: 'long-term-nurture' }));
    expect(contract.json.outputFields?.allowed).toBe('false');
    const log = await t.db.decisionLog.findMany({ where: { recordId: '801', kind: 'native-workflow' }, orderBy: { id: 'asc' } });
    expect(log.map((d) => d.outcome)).toEqual(['allowed', 'refused', 'refused']);
    expect(log[1]?.actor).toBe('hubspot-workflow:9001');
    // A check never enrols.
    expect(await t.db.run.count({ where: { recordId: '801', contractKey: 'long-term-nurture' } })).toBe(0);
  });

  it('a retried check answers as the first did and logs once', async () => {
    const first = await post('check-entry', actionBody('ce-retry', 802, { lane: 'outreach' }));
    const again = await post('check-entry', actionBody('ce-retry', 802, { lane: 'outreach' }));
    expect(again.json).toEqual(first.json);
    expect(await t.db.decisionLog.count({ where: { recordId: '802', kind: 'native-workflow' } })).toBe(1);
  });
});

describe('Run a Waymark contract and wait for its exit', () => {
  it('a request retried five times at once enrols once and blocks no longer than maxDuration', async () => {
    const body = actionBody('rc-1', 803, { contract: 'long-term-nurture' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('run-contract', body)));
    for (const a of answers) expect(a.json.outputFields).toEqual({ hs_execution_state: 'BLOCK', hs_expiration_duration: 'P190D' });
    expect(await t.db.run.count({ where: { recordId: '803', contractKey: 'long-term-nurture' } })).toBe(1);
    const execution = await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId: 'rc-1' } });
    expect(execution).toMatchObject({ state: 'blocked', flowId: '9001', contractKey: 'long-term-nurture' });
    expect(execution.runId).not.toBeNull();
    await h.drain();
    expect(h.deps.crm.callbacks.filter((c) => c.callbackId === 'rc-1')).toEqual([]);
  });

  it('the run exit completes the callback once, from the job, with exitId and outcome', async () => {
    const execution = await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId: 'rc-1' } });
    await exitRunManually(h.deps, { runId: execution.runId!, exitId: 'exit-engaged', reason: 'replied to the digest', actor: 'ada@example.com' });
    await h.drain();
    await h.drain();
    expect(h.deps.crm.callbacks.filter((c) => c.callbackId === 'rc-1')).toEqual([
      { callbackId: 'rc-1', outputFields: { exitId: 'exit-engaged', outcome: 'success', reason: expect.stringContaining('replied to the digest') } },
    ]);
    expect(await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId: 'rc-1' } })).toMatchObject({ state: 'completed', outcome: 'success' });
    // A late retry of the original request changes nothing.
    await post('run-contract', actionBody('rc-1', 803, { contract: 'long-term-nurture' }));
    await h.drain();
    expect(h.deps.crm.callbacks.filter((c) => c.callbackId === 'rc-1')).toHaveLength(1);
    expect(await t.db.run.count({ where: { recordId: '803', contractKey: 'long-term-nurture' } })).toBe(1);
  });

  it('a refused entry completes at once (through the job) with exitId "not-entered" and the reason', async () => {
    // 801 is in the outreach lane (new-lead-follow-up); nurture's filter refuses records in it.
    const r = await post('run-contract', actionBody('rc-refused', 801, { contract: 'long-term-nurture' }));
    expect(r.json.outputFields?.hs_execution_state).toBe('BLOCK');
    expect(h.deps.crm.callbacks.filter((c) => c.callbackId === 'rc-refused')).toEqual([]);
    await h.drain();
    const done = h.deps.crm.callbacks.filter((c) => c.callbackId === 'rc-refused');
    expect(done).toHaveLength(1);
    expect(done[0]?.outputFields).toMatchObject({ exitId: 'not-entered', outcome: 'not-entered' });
    expect(done[0]?.outputFields.reason).toMatch(/outreach/);
  });

  it('an unknown contract or one with a signal trigger is not entered, with the reason', async () => {
    await post('run-contract', actionBody('rc-none', 804, { contract: 'no-such-contract' }));
    await post('run-contract', actionBody('rc-trigger', 804, { contract: 'no-show-rebook' }));
    await h.drain();
    const reasons = Object.fromEntries(h.deps.crm.callbacks.map((c) => [c.callbackId, c.outputFields]));
    expect(reasons['rc-none']).toMatchObject({ exitId: 'not-entered', reason: 'No published contract no-such-contract.' });
    expect(reasons['rc-trigger']?.reason).toMatch(/manual or handoff trigger/);
  });
});

describe('Declare exit state', () => {
  it('records the exit once per callbackId, with a decision-log row', async () => {
    const body = actionBody('de-1', 805, { workflowExit: 'meeting-booked' });
    expect((await post('declare-exit', body)).json.outputFields).toEqual({ recorded: 'true' });
    await post('declare-exit', body);
    const exits = await t.db.nativeWorkflowExit.findMany({ where: { recordId: '805' } });
    expect(exits).toMatchObject([{ flowId: '9001', workflowExit: 'meeting-booked', laneReleased: null }]);
    expect(await t.db.decisionLog.count({ where: { recordId: '805', kind: 'native-workflow', outcome: 'exit-declared' } })).toBe(1);
  });

  it('refuses an exit name that is not kebab-case with a 400 naming the field', async () => {
    const r = await post('declare-exit', actionBody('de-bad', 805, { workflowExit: 'Booked!' }));
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/workflowExit/);
  });

  it('releases a lane only when this workflow took it through "Run a Waymark contract"', async () => {
    await post('run-contract', actionBody('rc-lane', 806, { contract: 'long-term-nurture' }));
    const other = await post('declare-exit', JSON.stringify({ ...JSON.parse(actionBody('de-other', 806, { workflowExit: 'done', releaseLane: 'nurture' })), context: { workflowId: 7777 } }));
    expect(other.status).toBe(200);
    expect(await t.db.laneHolding.count({ where: { recordId: '806', lane: 'nurture', releasedAt: null } })).toBe(1);
    await post('declare-exit', actionBody('de-own', 806, { workflowExit: 'done', releaseLane: 'nurture' }));
    expect(await t.db.laneHolding.count({ where: { recordId: '806', lane: 'nurture', releasedAt: null } })).toBe(0);
    expect(await t.db.nativeWorkflowExit.findFirstOrThrow({ where: { callbackId: 'de-own' } })).toMatchObject({ laneReleased: 'nurture' });
  });
});
