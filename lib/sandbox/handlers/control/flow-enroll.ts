/**
 * POST /_sandbox/portals/{portalId}/flows/{flowId}/enroll {"objectId"}: enrolls a record in a
 * native workflow, as HubSpot does when it meets the enrollment criteria (or an admin enrolls it
 * by hand); the engine runs in the background and calls the app's custom actions.
 * GET /_sandbox/portals/{portalId}/enrollments[?objectId=]: the enrollments and their logs.
 */
import { z } from 'zod';
import { log } from '../../../log';
import type { Route } from '../../http/router';
import { notFound } from '../../http/hubspot-errors';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { engineDeps } from '../../workflows/engine-deps';
import { addEnrollment, enrollmentsOf } from '../../workflows/enrollment-store';
import { runEnrollment } from '../../workflows/run-enrollment';
import { controlPortal } from './control-portal';

export const flowEnroll: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals/:portalId/flows/:flowId/enroll'],
  auth: 'control',
  writes: true,
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const flow = portal.flows.get(request.params.flowId!);
    if (!flow) throw notFound(`No flow ${request.params.flowId} in portal ${portal.id}`);
    const input = parseJsonBody(request, z.object({ objectId: z.union([z.string(), z.number()]).transform(String) }));
    const deps = engineDeps(context, portal);
    if (!deps) throw notFound('No app is registered in this sandbox');
    const enrollment = addEnrollment(portal, {
      flowId: String(flow.id), flowName: String(flow.name), objectTypeId: String(flow.objectTypeId ?? '0-1'),
      objectId: input.objectId, currentActionId: String(flow.startActionId ?? '1'),
    });
    enrollment.log.push({ at: portal.now(), actionId: null, text: `Enrolled in ${enrollment.flowName}` });
    setImmediate(() => void runEnrollment(deps, enrollment).catch((error) => {
      enrollment.status = 'failed';
      log.error('sandbox workflow run failed', { error: String(error) });
    }));
    return json(201, { enrollmentId: enrollment.id });
  },
};

export const enrollmentsList: Route = {
  method: 'GET',
  paths: ['/_sandbox/portals/:portalId/enrollments'],
  auth: 'control',
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const objectId = request.query.get('objectId');
    return json(200, { results: enrollmentsOf(portal).filter((e) => !objectId || e.objectId === objectId) });
  },
};
