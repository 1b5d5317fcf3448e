/**
 * Which HubSpot property changes mean a named business event. The table with reasons is in
 * derive-signals.ts; this is the registry it reads. Each rule sees one property change (the
 * value held before, if known, and the new value) and says whether the event happened.
 */
import { asInstant, asNumber, isUnknown } from './compare-values';
import type { NamedEvent } from './types';

/** One rule: the property it watches and when a change to it means the event. */
export interface NamedEventRule {
  event: NamedEvent;
  property: string;
  /** HubSpot's label for the property, for the docs table and decision inputs. */
  label: string;
  test: (from: string | null | undefined, to: string | null) => boolean;
}

/**
 * A "last time X happened" date property moved forward: set for the first time, or set to a
 * later instant than before. Re-sending the same date, or an older one, is not a new event.
 */
function dateAdvanced(from: string | null | undefined, to: string | null): boolean {
  if (isUnknown(to)) return false;
  if (isUnknown(from)) return true;
  const [a, b] = [asInstant(from), asInstant(to)];
  return a !== undefined && b !== undefined ? b > a : from !== to;
}

/** A count went up (HubSpot counters such as bounces). */
function countIncreased(from: string | null | undefined, to: string | null): boolean {
  const after = isUnknown(to) ? undefined : asNumber(to);
  if (after === undefined) return false;
  const before = isUnknown(from) ? 0 : (asNumber(from) ?? 0);
  return after > before;
}

/** A reason value appeared or changed to another non-empty value. */
function becameKnown(from: string | null | undefined, to: string | null): boolean {
  return !isUnknown(to) && to !== from;
}

/** The registry: every property change that stands for a named event. */
export const NAMED_EVENT_RULES = [
  { event: 'replied', property: 'hs_sales_email_last_replied', label: 'Recent Sales Email Replied Date', test: dateAdvanced },
  { event: 'replied', property: 'hs_email_last_reply_date', label: 'Last marketing email reply date', test: dateAdvanced },
  { event: 'meeting_booked', property: 'engagements_last_meeting_booked', label: 'Date of last meeting booked in meetings tool', test: dateAdvanced },
  { event: 'email_bounced', property: 'hs_email_hard_bounce_reason_enum', label: 'Email hard bounce reason', test: becameKnown },
  { event: 'email_bounced', property: 'hs_email_bounce', label: 'Marketing emails bounced', test: countIncreased },
] as const satisfies readonly NamedEventRule[];

/** The named events a property change stands for (at most one per rule, in registry order). */
export function namedEventsFor(property: string, from: string | null | undefined, to: string | null): NamedEventRule[] {
  return NAMED_EVENT_RULES.filter((rule) => rule.property === property && rule.test(from, to));
}

/** Every property the rules watch: the webhook subscriptions Waymark needs for named events. */
export const NAMED_EVENT_PROPERTIES: readonly string[] = [...new Set(NAMED_EVENT_RULES.map((rule) => rule.property))];
