// /_sandbox/rate-limits: change the per-portal limits for a test (PUT) or restore defaults and forget counted requests (DELETE).
import { z } from 'zod';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { DEFAULT_RATE_LIMITS } from '../../http/rate-limiter';
import { json, noContent } from '../../http/sandbox-request';

export const rateLimitsSet: Route = {
  method: 'PUT',
  paths: ['/_sandbox/rate-limits'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, z.object({ perTenSeconds: z.number().int().min(1).optional(), searchPerSecond: z.number().int().min(1).optional() }));
    Object.assign(context.limiter.limits, input);
    return json(200, context.limiter.limits);
  },
};

export const rateLimitsReset: Route = {
  method: 'DELETE',
  paths: ['/_sandbox/rate-limits'],
  auth: 'control',
  handler: (_request, context) => {
    Object.assign(context.limiter.limits, DEFAULT_RATE_LIMITS);
    context.limiter.reset();
    return noContent();
  },
};
