// POST /automation/v4/flows/batch/read: `{inputs:[{type:"FLOW_ID", flowId}]}` → full flows (207 for unknown ids).
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { checkBatchSize } from '../crm/batch-limit';
import { batchResult, notFoundErrors } from '../crm/batch-result';
import { idSchema } from '../crm/schemas';

const input = z.object({ inputs: z.array(z.object({ type: z.literal('FLOW_ID'), flowId: idSchema })) });

export const flowsBatchRead: Route = {
  method: 'POST',
  paths: ['/automation/v4/flows/batch/read', '/automation/2026-09-beta/flows/batch/read'],
  auth: 'bearer',
  scopes: ['automation'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const body = parseJsonBody(request, input);
    checkBatchSize(body.inputs.length);
    const started = new Date(portal.now()).toISOString();
    const found = body.inputs.map((i) => portal.flows.get(i.flowId));
    const missing = body.inputs.filter((_, index) => !found[index]).map((i) => i.flowId);
    return batchResult(found.filter(Boolean), notFoundErrors(missing, 'Some flows were not found', 'flowIds'), started, portal.now());
  },
};
