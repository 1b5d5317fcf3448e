/** Turns Waymark's stored copy of a record into the engine's `RecordSnapshot`. */
import type { RecordSnapshot } from '../../engine/types';
import type { StoredRecordState } from '../store/merge-record-state';

export function recordSnapshot(objectType: string, recordId: string, state: StoredRecordState | undefined): RecordSnapshot {
  return { objectType, recordId, properties: { ...(state?.properties ?? {}) } };
}
