/** Turns Waymark's stored copy of a record into the engine's `RecordSnapshot`. */
import type { RecordSnapshot } from '../../engine/types';
import type { StoredRecordState } from '../store/merge-record-state';

export function recordSnapshot(objectType: string, recordId: string, state: StoredRecordState | undefined): RecordSnapshot {
  const changedAt: Record<string, Date> = {};
  for (const [property, at] of Object.entries(state?.versions ?? {})) if (at > 0) changedAt[property] = new Date(at);
  return { objectType, recordId, properties: { ...(state?.properties ?? {}) }, changedAt };
}
