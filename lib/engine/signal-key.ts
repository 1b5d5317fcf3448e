/**
 * A stable identity for a signal: the same change derived twice (or revived from the store)
 * gets the same key, so a signal is never used twice and can be stored once.
 */
import type { Signal } from './types';

/** `objectType:recordId:kind:detail:occurredAtMs:eventIds`. */
export function signalKey(signal: Signal): string {
  const detail =
    signal.kind === 'property_changed' ? `${signal.property}=${signal.to ?? ''}`
    : signal.kind === 'event' ? signal.name
    : signal.kind === 'association_changed' ? `${signal.toObject}:${signal.toObjectId}:${signal.removed ? 'removed' : 'added'}`
    : signal.kind === 'merged' ? signal.into
    : '';
  return [signal.objectType, signal.recordId, signal.kind, detail, signal.occurredAt.getTime(), [...signal.eventIds].sort().join(',')].join(':');
}
