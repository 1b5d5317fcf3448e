/** The batch response envelope: 200 `{status, results, startedAt, completedAt}`, or 207 with `errors` and `numErrors`. */
import { json, type SandboxReply } from '../../http/sandbox-request';

export function batchResult(results: unknown[], errors: Record<string, unknown>[], startedAt: string, now: number, okStatus = 200): SandboxReply {
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt: new Date(now).toISOString() };
  if (errors.length === 0) return json(okStatus, body);
  return json(207, { ...body, numErrors: errors.length, errors });
}

/** The one OBJECT_NOT_FOUND error of a batch listing the inputs it did not find (none if all were found). */
export function notFoundErrors(missing: readonly string[], message: string, contextKey: string): Record<string, unknown>[] {
  return missing.length ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message, context: { [contextKey]: missing } }] : [];
}
