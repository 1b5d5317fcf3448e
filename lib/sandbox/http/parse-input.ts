/** zod-validated input parsing that fails with HubSpot's VALIDATION_ERROR shape, never a crash. */
import type { z } from 'zod';
import { validationError } from './hubspot-errors';
import type { SandboxRequest } from './sandbox-request';

/** Parses the JSON body with a schema; bad JSON or a bad shape is a HubSpot 400. */
export function parseJsonBody<T extends z.ZodType>(request: SandboxRequest, schema: T): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(request.rawBody === '' ? 'null' : request.rawBody);
  } catch (error) {
    throw validationError(`Invalid input JSON: ${(error as Error).message}`);
  }
  return parseValue(value, schema);
}

/** Validates an already-parsed value (query, form) with a schema. */
export function parseValue<T extends z.ZodType>(value: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    message: issue.message,
    in: issue.path.join('.') || 'body',
    code: issue.code.toUpperCase(),
  }));
  throw validationError(
    `Invalid input JSON: ${errors.map((e) => `${e.in}: ${e.message}`).join('; ')}`,
    { errors },
  );
}
