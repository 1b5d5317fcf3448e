/** Loads the run a control request names and checks the caller may act on its record. */
import { z } from 'zod';
import { HttpError } from '../../http/http-error';
import type { RuntimeDeps } from '../runtime-deps';
import { findRunById } from '../store/record-runs';
import { assertScope, type RequestActor } from './request-actor';

const runId = z.uuid('must be a run id');

export async function runForRequest(deps: RuntimeDeps, who: RequestActor, id: string) {
  const parsed = runId.safeParse(id);
  if (!parsed.success) throw new HttpError(400, `run id ${parsed.error.issues[0]?.message}`);
  const run = await findRunById(deps.db, parsed.data);
  if (!run) throw new HttpError(404, 'No such run');
  assertScope(who, run.portalId.toString(), { objectType: run.objectType, recordId: run.recordId });
  return run;
}
