/** HubSpot's batch endpoints accept at most 100 inputs (reference §6.2); more is a 400. */
import { validationError } from '../../http/hubspot-errors';

export const MAX_BATCH_INPUTS = 100;

export function checkBatchSize(count: number): void {
  if (count > MAX_BATCH_INPUTS) {
    throw validationError(`Batch input size is limited to ${MAX_BATCH_INPUTS}; received ${count} inputs.`, {
      context: { inputs: [String(count)] },
    });
  }
}

/** Rejects the same id twice in one batch, as HubSpot does. */
export function checkDuplicateIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  const dupes = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (dupes.length > 0) throw validationError(`Duplicate IDs found in batch input: [${[...new Set(dupes)].join(', ')}]. IDs must be unique`);
}
