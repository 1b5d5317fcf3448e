import { CrmPermanentError, CrmTransientError } from '../../hubspot/crm-port';
import type { ActionExecutor } from './action-context';

/**
 * `webhook`: POSTs the run's context to a URL with an `Idempotency-Key` header, so a receiver
 * can drop a repeated delivery. 5xx and network errors are retried; 4xx take the failure path.
 */
export const webhook: ActionExecutor = async (ctx, input) => {
  let response: Response;
  try {
    response = await fetch(String(input.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey },
      body: JSON.stringify({ portalId: ctx.portalId.toString(), objectType: ctx.objectType, recordId: ctx.recordId, runId: ctx.runId }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new CrmTransientError(`webhook unreachable: ${String(error)}`);
  }
  if (response.status >= 500 || response.status === 429) throw new CrmTransientError(`webhook answered ${response.status}`, undefined, response.status);
  if (response.status >= 400) throw new CrmPermanentError(`webhook answered ${response.status}`, response.status);
  return { status: 'succeeded', result: { status: response.status } };
};
