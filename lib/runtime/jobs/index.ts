/**
 * The worker's explicit job registry: every job the worker runs is listed here, one per file.
 */
import type { JobHandler } from '../../queue/worker';
import { noopHandler } from './noop';

export interface JobDependencies {
  connectionString: string;
}

export function jobHandlers(_deps: JobDependencies): readonly JobHandler[] {
  return [noopHandler] as const satisfies readonly JobHandler[];
}
