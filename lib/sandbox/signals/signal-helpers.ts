/** Shared helpers for demo signals: the contact, its owner, and system writes with a change source. */
import { propertiesOf, type Portal } from '../state/portal';
import { requireRecord, type WriteOptions } from '../state/record-writer';

export const signalSource = (changeSource: string): WriteOptions => ({ changeSource, system: true });

export function signalContact(portal: Portal, contactId: string) {
  return requireRecord(portal, 'contacts', contactId);
}

/** Keeps only properties the portal defines (e.g. the custom `last_meeting_outcome` may be absent). */
export function knownProperties(portal: Portal, values: Record<string, string>): Record<string, string> {
  const catalog = propertiesOf(portal, 'contacts');
  return Object.fromEntries(Object.entries(values).filter(([name]) => catalog.has(name)));
}

export const iso = (ms: number) => new Date(ms).toISOString();
