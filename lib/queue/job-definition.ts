import type { z } from 'zod';

/**
 * A job's name and payload schema, kept apart from its handler (so route handlers can enqueue
 * without importing worker code). Payloads are parsed again when the job runs.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export function defineJob<S extends z.ZodType>(name: string, schema: S): JobDefinition<S> {
  return { name, schema };
}
