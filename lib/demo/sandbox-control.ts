/**
 * The few calls the demo makes to the local HubSpot sandbox's control API (sandbox mode only):
 * list the demo portal's contacts, ask which apps are installed, and play a demo signal (the
 * contact misses a meeting, books one, replies) exactly as HubSpot would record it.
 */
import { z } from 'zod';

/** A demo contact as the landing page lists it. */
export interface DemoContact {
  id: string;
  name: string;
  email: string;
  lifecycleStage: string;
  lastMeetingOutcome: string;
}

/** Demo signals the landing page offers, with their labels (the sandbox knows more). */
export const DEMO_SIGNALS = { 'no-show': 'Misses the meeting', 'book-meeting': 'Books a meeting', reply: 'Replies' } as const;
export type DemoSignal = keyof typeof DEMO_SIGNALS;

/** True for the demo's own signals only (`in` would also accept `toString` and the like). */
export function isDemoSignal(value: string): value is DemoSignal {
  return Object.hasOwn(DEMO_SIGNALS, value);
}

const recordList = z.object({
  results: z.array(z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) })),
});
const portalList = z.object({ results: z.array(z.object({ id: z.number(), installedApps: z.array(z.number()) })) });

/** The sandbox answered a control call with an error status. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function control(sandboxUrl: string, method: 'GET' | 'POST' | 'PUT', path: string, timeoutMs: number, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method,
    signal: AbortSignal.timeout(timeoutMs),
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  if (!response.ok) throw new SandboxControlError(response.status, `sandbox ${method} ${path} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** The portal's contacts in id order. */
export async function listDemoContacts(sandboxUrl: string, portalId: number, timeoutMs = 5_000): Promise<DemoContact[]> {
  const body = recordList.parse(await control(sandboxUrl, 'GET', `/_sandbox/portals/${portalId}/objects/contacts`, timeoutMs));
  return body.results.map(({ id, properties: p }) => ({
    id,
    name: [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || `Contact ${id}`,
    email: p.email ?? '',
    lifecycleStage: p.lifecyclestage ?? '',
    lastMeetingOutcome: p.last_meeting_outcome ?? '',
  }));
}

/** App ids the sandbox has an active installation of in the portal. */
export async function sandboxInstalledApps(sandboxUrl: string, portalId: number, timeoutMs = 5_000): Promise<number[]> {
  const body = portalList.parse(await control(sandboxUrl, 'GET', '/_sandbox/portals', timeoutMs));
  return body.results.find((p) => p.id === portalId)?.installedApps ?? [];
}

/** Plays a demo signal for a contact (the sandbox changes the record and sends the webhooks). */
export async function playDemoSignal(sandboxUrl: string, portalId: number, contactId: string, signal: DemoSignal, timeoutMs = 10_000): Promise<void> {
  await control(sandboxUrl, 'POST', `/_sandbox/portals/${portalId}/contacts/${encodeURIComponent(contactId)}/signals/${signal}`, timeoutMs);
}

/**
 * Puts the sandbox's record time at the runtime clock's offset, so what the sandbox stamps on
 * Waymark's writes (emails, property changes, tasks) reads as the runtime saw it: after a
 * "+10 minutes", the email shows ten minutes after the no-show, not in the same minute.
 */
export async function syncSandboxClock(sandboxUrl: string, offsetMs: number, timeoutMs = 3_000): Promise<void> {
  await control(sandboxUrl, 'PUT', '/_sandbox/clock', timeoutMs, { offsetMs });
}

/** The sandbox's fake HubSpot record page of a contact (with Waymark's app card). */
export function recordPageUrl(sandboxUrl: string, portalId: number, contactId: string): string {
  return `${sandboxUrl}/_sandbox/record/${portalId}/contacts/${encodeURIComponent(contactId)}`;
}
