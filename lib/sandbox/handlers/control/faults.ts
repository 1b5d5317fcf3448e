// /_sandbox/faults: inject 5xx, latency, connection resets and "drop after a successful write" (POST adds, GET lists, DELETE clears).
import type { Route } from '../../http/router';
import { faultSchema } from '../../http/faults';
import { parseJsonBody } from '../../http/parse-input';
import { json, noContent } from '../../http/sandbox-request';

export const faultAdd: Route = {
  method: 'POST',
  paths: ['/_sandbox/faults'],
  auth: 'control',
  handler: (request, context) => json(201, context.faults.add(parseJsonBody(request, faultSchema))),
};

export const faultList: Route = {
  method: 'GET',
  paths: ['/_sandbox/faults'],
  auth: 'control',
  handler: (_request, context) => json(200, { results: context.faults.faults }),
};

export const faultClear: Route = {
  method: 'DELETE',
  paths: ['/_sandbox/faults'],
  auth: 'control',
  handler: (_request, context) => {
    context.faults.clear();
    return noContent();
  },
};
