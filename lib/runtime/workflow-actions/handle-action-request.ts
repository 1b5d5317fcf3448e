/**
 * The edge every Waymark workflow-action route shares: raw body, HubSpot signature (v3 when
 * sent, else v2: lib/hubspot/actions/verify-action-request.ts), zod, installation gate, then
 * the action's use-case. Answers:
 * - bad or missing signature → 401; malformed body → 400 naming the field (not retried by HubSpot);
 * - a portal without an active installation → 200 `FAIL_CONTINUE` with the reason: the
 *   workflow goes on (nothing for HubSpot to retry, nothing stored), never a 500;
 * - otherwise 200 `{"outputFields": {...}}` from the use-case.
 */
import { verifyActionRequest } from '../../hubspot/actions/verify-action-request';
import { actionRequestSchema } from '../../hubspot/actions/action-request';
import { isInstallationActive } from '../store/installations';
import type { SignedRequestConfig } from '../../hubspot/verify-signed-request';
import { HttpError } from '../../http/http-error';
import { readText } from '../../http/route';
import { log } from '../../log';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../schema/json-depth';
import { findUnsafeText, formatPath } from '../../schema/safe-string';
import type { RuntimeDeps } from '../runtime-deps';
import type { ActionCall, OutputFields } from './action-context';

export type ActionUseCase = (deps: RuntimeDeps, call: ActionCall) => Promise<OutputFields>;
export type ActionEndpointDeps = { runtime: RuntimeDeps; signing: SignedRequestConfig; now: () => Date };

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'Invalid action request: the body is not JSON');
  }
}

export async function handleActionRequest(deps: ActionEndpointDeps, request: Request, perform: ActionUseCase): Promise<Response> {
  const raw = await readText(request);
  const verdict = verifyActionRequest(deps.signing, request, raw, deps.now().getTime());
  if (!verdict.ok) {
    log.warn('workflow action rejected: bad signature', { reason: verdict.reason, version: verdict.version });
    return Response.json({ error: 'Invalid or missing HubSpot signature', reason: verdict.reason }, { status: 401 });
  }
  const body = parseBody(raw);
  if (nestsDeeperThan(body)) throw new HttpError(400, `Invalid action request: the body nests more than ${MAX_JSON_DEPTH} levels deep`);
  const unsafe = findUnsafeText(body);
  if (unsafe) throw new HttpError(400, `Invalid action request: ${formatPath(unsafe.path)} ${unsafe.reason}`);
  const parsed = actionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Invalid action request: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const payload = parsed.data;
  const portalId = BigInt(payload.origin.portalId);
  if (!(await isInstallationActive(deps.runtime.db, portalId))) {
    log.warn('workflow action for a portal without an active installation', { portalId: String(portalId), callbackId: payload.callbackId });
    const reason = `Waymark is not installed in HubSpot portal ${portalId}; reinstall it to use Waymark actions.`;
    return Response.json({ outputFields: { hs_execution_state: 'FAIL_CONTINUE', reason } });
  }
  const outputFields = await perform(deps.runtime, {
    request: payload,
    portalId,
    objectType: payload.object.objectType,
    recordId: payload.object.objectId,
    flowId: payload.context?.workflowId ?? null,
    callbackId: payload.callbackId,
  });
  return Response.json({ outputFields }, { headers: { 'cache-control': 'no-store' } });
}
