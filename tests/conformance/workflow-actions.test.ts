// Custom workflow actions (docs/hubspot-workflow-actions.md): the callbacks API needs a token and
// refuses a callbackId that is not blocked with a 4xx (never a 5xx); an action request is a
// signed POST (v2 over METHOD + URL + body, and v3) to the action URL carrying callbackId,
// origin.portalId, context.workflowId, object and inputFields; an answer without BLOCK lets the
// workflow continue.
import { expect, it } from 'vitest';
import { signV2, verifyV3 } from '../../lib/hubspot/signature';
import { actionTypeIdOf } from '../../lib/sandbox/workflows/action-definitions';
import { accessToken } from './target/access-token';
import { forEachTarget, itWith } from './target/targets';

forEachTarget('Custom workflow action callbacks', (target) => {
  const complete = (callbackId: string, headers: Record<string, string>) =>
    fetch(`${target().apiBase}/automation/v4/actions/callbacks/${callbackId}/complete`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ outputFields: { exitId: 'x' } }),
    });

  it('completing a callback needs a token (401 without one)', async () => {
    expect((await complete('ap-1-2-3-4', {})).status).toBe(401);
  });

  it('completing a callbackId that is not blocked is a 4xx client error', async () => {
    const response = await complete(`ap-0-${target().portalId}-999999-1`, { authorization: `Bearer ${await accessToken(target())}` });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  itWith('workflowActions', target, 'a workflow reaching an app action sends one signed POST with the execution in its body', async () => {
    const hooks = target().webhooks!;
    hooks.reset();
    hooks.respond(() => 200);
    const base = `${target().apiBase}/_sandbox/portals/${target().portalId}`;
    const flow = {
      name: `Conformance action ${Date.now()}`, type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', isEnabled: true, startActionId: '1',
      dataSources: [], timeWindows: [], blockedDates: [], customProperties: {}, canEnrollFromSalesforce: false, suppressionListIds: [],
      actions: [{ type: 'SINGLE_CONNECTION', actionId: '1', actionTypeId: actionTypeIdOf('waymark_check_entry'), actionTypeVersion: 0, fields: { lane: 'outreach' } }],
      enrollmentCriteria: { type: 'LIST_BASED', shouldReEnroll: false, unEnrollObjectsNotMeetingCriteria: false, reEnrollmentTriggersFilterBranches: [], listFilterBranch: { filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [], filterBranches: [] } },
    };
    const created = await fetch(`${base}/flows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(flow) });
    expect(created.status).toBe(201);
    const { id: flowId } = (await created.json()) as { id: string };
    const enrolled = await fetch(`${base}/flows/${flowId}/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ objectId: '1' }) });
    expect(enrolled.status).toBe(201);
    const deadline = Date.now() + 5000;
    while (hooks.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(hooks.requests).toHaveLength(1);
    const request = hooks.requests[0]!;
    const url = `${new URL(hooks.url).origin}/api/hubspot/actions/check-entry`;
    expect(request.headers['x-hubspot-signature-version']).toBe('v2');
    expect(request.headers['x-hubspot-signature']).toBe(signV2(target().clientSecret, 'POST', url, request.rawBody));
    const v3 = verifyV3({
      method: 'POST', uri: url, rawBody: request.rawBody, clientSecrets: [target().clientSecret], now: request.at,
      signature: String(request.headers['x-hubspot-signature-v3']), timestamp: String(request.headers['x-hubspot-request-timestamp']),
    });
    expect(v3).toEqual({ ok: true, secretIndex: 0 });
    expect(JSON.parse(request.rawBody)).toMatchObject({
      callbackId: expect.any(String), origin: { portalId: target().portalId, actionDefinitionId: expect.any(Number) },
      context: { source: 'WORKFLOWS', workflowId: Number(flowId) }, object: { objectId: 1, objectType: 'CONTACT' }, inputFields: { lane: 'outreach' },
    });
    // No BLOCK in the answer: the enrollment goes on and finishes.
    const listed = async () => ((await (await fetch(`${base}/enrollments?objectId=1`)).json()) as { results: { flowId: string; status: string }[] }).results;
    while (Date.now() < deadline && !(await listed()).some((e) => e.flowId === flowId && e.status === 'done')) await new Promise((r) => setTimeout(r, 20));
    expect((await listed()).find((e) => e.flowId === flowId)?.status).toBe('done');
  });
});
