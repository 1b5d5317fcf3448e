// GET /_sandbox/clock: wall and record time. PUT /_sandbox/clock {offsetMs}: how far record time
// (what portals stamp on changes, emails and events) runs ahead of wall time. In sandbox mode the
// app sets it to its runtime clock's offset, so a demo fast-forward shows in the timeline too.
// Absolute, not relative: setting the same offset twice is harmless. Webhook signatures and
// tokens stay on wall time, which is what the app verifies them against.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import type { SandboxContext } from '../../http/sandbox-context';

/** Ten years: far beyond any demo, and well inside what a Date can hold. */
const MAX_OFFSET_MS = 10 * 365 * 86_400_000;

const clockView = (context: SandboxContext) => {
  const wall = context.state.now();
  return { offsetMs: context.settings.clockOffsetMs, wallTime: new Date(wall).toISOString(), recordTime: new Date(context.state.recordNow()).toISOString() };
};

export const clockGet: Route = {
  method: 'GET',
  paths: ['/_sandbox/clock'],
  auth: 'control',
  handler: (_request, context) => json(200, clockView(context)),
};

export const clockSet: Route = {
  method: 'PUT',
  paths: ['/_sandbox/clock'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, z.object({ offsetMs: z.number().int().min(0).max(MAX_OFFSET_MS) }));
    context.settings.clockOffsetMs = input.offsetMs;
    return json(200, clockView(context));
  },
};
