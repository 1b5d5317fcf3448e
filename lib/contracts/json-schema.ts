/**
 * JSON Schema (draft 2020-12) of the contract format, generated from the zod schemas so it cannot
 * drift from the parser. Editors use it to validate contract files (`waymark schema`). Refinements
 * zod cannot express (exactly one operator, ISO-8601 durations) are checked by the parser only.
 */
import { z } from 'zod';
import { contractSchema } from './schema';

/** The format's JSON Schema as a plain object. */
export function contractJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(contractSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'Waymark workflow contract, format version 1',
    description: 'A complete, reviewable definition of one repeatable business path around a CRM record.',
  };
}
