// POST /api/demo/signal (form: contactId, signal): sandbox only; plays a demo signal on a demo contact in the sandbox, then back to the landing page (303).
import { z } from 'zod';
import { int64Id } from '@/lib/schema/int64-id';
import { DEMO_PORTAL_ID } from '@/lib/demo/demo-portal';
import { DEMO_SIGNALS, playDemoSignal, SandboxControlError, type DemoSignal } from '@/lib/demo/sandbox-control';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/http-error';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const form = z.object({
  contactId: int64Id(),
  signal: z.enum(Object.keys(DEMO_SIGNALS) as [DemoSignal, ...DemoSignal[]]),
});

export const POST = route(async (request) => {
  const config = env();
  if (!config.isSandbox) throw new HttpError(404, 'Not found');
  const data = await request.formData().catch(() => {
    throw new HttpError(400, 'Expected a form body (contactId, signal)');
  });
  const input = form.parse({ contactId: data.get('contactId') ?? undefined, signal: data.get('signal') ?? undefined });
  try {
    await playDemoSignal(config.sandbox.url, DEMO_PORTAL_ID, input.contactId, input.signal);
  } catch (error) {
    // An unknown contact is the caller's mistake; anything else means the sandbox is not answering.
    if (error instanceof SandboxControlError && error.status === 404) throw new HttpError(404, `No contact ${input.contactId} in demo portal ${DEMO_PORTAL_ID}`);
    throw new HttpError(502, `The HubSpot sandbox did not take the signal: ${(error as Error).message}`);
  }
  const back = new URLSearchParams({ played: input.signal, contact: input.contactId });
  return new Response(null, { status: 303, headers: { location: `/?${back.toString()}#try-the-demo` } });
});
