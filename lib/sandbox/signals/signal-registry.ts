/** The demo signals the control API can trigger, by name. */
import type { CrmRecord } from '../state/crm-record';
import type { Portal } from '../state/portal';
import { bounceSignal } from './bounce-signal';
import { bookMeetingSignal, noShowSignal } from './meeting-signals';
import { replySignal } from './reply-signal';

/** Runs a signal for a contact; `options` is the control request's JSON body. */
export type Signal = (portal: Portal, contactId: string, options: Record<string, unknown>) => CrmRecord;

export const SIGNALS = {
  reply: (portal, id, o) => replySignal(portal, id, { channel: o.channel === 'marketing' ? 'marketing' : 'sales', body: typeof o.body === 'string' ? o.body : undefined }),
  'book-meeting': (portal, id, o) => bookMeetingSignal(portal, id, { startsAt: typeof o.startsAt === 'number' ? o.startsAt : undefined, title: typeof o.title === 'string' ? o.title : undefined }),
  'no-show': (portal, id, o) => noShowSignal(portal, id, { meetingId: typeof o.meetingId === 'string' ? o.meetingId : undefined }),
  bounce: (portal, id, o) => bounceSignal(portal, id, { reason: typeof o.reason === 'string' ? o.reason : undefined }),
} as const satisfies Record<string, Signal>;

export type SignalName = keyof typeof SIGNALS;
