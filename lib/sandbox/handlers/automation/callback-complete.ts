/**
 * POST /automation/v4/actions/callbacks/{callbackId}/complete: the app finishes a blocked custom
 * action; the enrollment resumes with `outputFields` (after the 204, as HubSpot continues the
 * workflow asynchronously). Completing a callback that is not blocked (unknown, or already
 * completed) is a 400 VALIDATION_ERROR: HubSpot's exact answer there is UNVERIFIED, but a
 * second completion must never resume the workflow twice.
 */
import { z } from 'zod';
import { log } from '../../../log';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { validationError } from '../../http/hubspot-errors';
import { noContent } from '../../http/sandbox-request';
import { engineDeps } from '../../workflows/engine-deps';
import { enrollmentByCallback } from '../../workflows/enrollment-store';
import { resumeEnrollment } from '../../workflows/run-enrollment';

const body = z.object({
  outputFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  typedOutputs: z.record(z.string(), z.unknown()).optional(),
  failureReasonType: z.string().optional(),
});

export const callbackComplete: Route = {
  method: 'POST',
  paths: ['/automation/v4/actions/callbacks/:callbackId/complete'],
  auth: 'bearer',
  scopes: ['automation'],
  writes: true,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const input = parseJsonBody(request, body);
    const callbackId = request.params.callbackId!;
    const enrollment = enrollmentByCallback(portal, callbackId);
    if (!enrollment) throw validationError(`No blocked action execution with callbackId ${callbackId}`);
    enrollment.completions[callbackId] = (enrollment.completions[callbackId] ?? 0) + 1;
    if (enrollment.status !== 'blocked' || enrollment.callbackId !== callbackId) {
      throw validationError(`The action execution ${callbackId} is not blocked (already completed)`);
    }
    const deps = engineDeps(context, portal)!;
    const outputs = Object.fromEntries(Object.entries(input.outputFields).map(([k, v]) => [k, String(v)]));
    enrollment.status = 'running';
    setImmediate(() => void resumeEnrollment(deps, enrollment, outputs).catch((error) => log.error('sandbox workflow resume failed', { error: String(error) })));
    return noContent();
  },
};
