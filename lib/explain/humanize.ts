/**
 * Plain words for what the decision log stores in machine form: ISO 8601 durations ("PT10M" →
 * "10 minutes"), ISO timestamps (→ "Tue, Dec 8, 9:00 AM" in the portal's time zone), internal
 * property names (→ "lifecycle stage"). Pure: the time zone and "now" come in as arguments.
 */
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;

/** "PT10M" → "10 minutes", "P1DT2H" → "1 day 2 hours"; anything else is returned unchanged. */
export function durationWords(iso: string): string {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const parts = UNITS.flatMap((unit, i) => {
    const n = m[i + 1] === undefined ? 0 : Number(m[i + 1]);
    return n ? [`${n} ${unit}${n === 1 ? '' : 's'}`] : [];
  });
  return parts.length ? parts.join(' ') : '0 minutes';
}

/** A readable local time, e.g. "Tue, Dec 8, 9:00 AM" (year added when not the current one). */
export function readableTime(at: Date | string, timeZone: string, now: Date = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat('en-US', {
    timeZone: safeZone(timeZone),
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** "in 2 days", "3 hours ago", "in 10 minutes", "just now". */
export function relativeTime(at: Date | string, now: Date): string {
  const ms = new Date(at).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const steps: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute']];
  for (const [size, unit] of steps) {
    if (abs >= size) {
      const n = Math.round(abs / size);
      const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return ms > 0 ? `in ${words}` : `${words} ago`;
    }
  }
  return 'just now';
}

const PROPERTY_WORDS: Record<string, string> = {
  lifecyclestage: 'lifecycle stage',
  hs_lead_status: 'lead status',
  dealstage: 'deal stage',
  hs_pipeline_stage: 'ticket stage',
  hubspot_owner_id: 'owner',
  last_meeting_outcome: 'last meeting outcome',
  waymark_tags: 'Waymark tags',
};

/** "lifecyclestage" → "lifecycle stage", "hs_email_bounce" → "email bounce". */
export function propertyWords(name: string): string {
  return PROPERTY_WORDS[name] ?? name.replace(/^hs_/, '').replace(/_/g, ' ');
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\b/g;
const ISO_DURATION = /\bP(?:\d+[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?\b/g;

/** Rewrites the machine forms inside a sentence the runtime wrote. */
export function humanizeText(text: string, timeZone: string, now?: Date): string {
  return text
    .replace(ISO_TIME, (iso) => readableTime(iso, timeZone, now))
    .replace(ISO_DURATION, (iso) => (iso.length > 1 ? durationWords(iso) : iso))
    .replace(/\b(lifecyclestage|hs_lead_status|dealstage|hs_pipeline_stage|hubspot_owner_id|last_meeting_outcome)\b/g, (p) => propertyWords(p));
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
