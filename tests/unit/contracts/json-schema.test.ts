import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDuration } from '../../../lib/contracts/iso-duration';
import { contractJsonSchema } from '../../../lib/contracts/json-schema';
import type { EditableJson } from './contract-fixtures';

describe('JSON Schema export', () => {
  const schema = contractJsonSchema() as EditableJson;

  it('describes the top level, conditions as a named definition, and the step kinds', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['contract', 'key', 'name', 'object', 'docs', 'trigger', 'entry', 'steps', 'exits']);
    expect(schema.$defs.Condition.anyOf.length).toBe(9);
    expect(schema.properties.entry.properties.filter).toEqual({ $ref: '#/$defs/Condition' });
    expect(schema.properties.steps.items.anyOf.length).toBe(4);
  });

  it('checks durations with the same pattern the parser uses', () => {
    const pattern = new RegExp(schema.properties.limits.properties.maxDuration.pattern as string);
    const durations = fc.oneof(
      fc.string(),
      fc.stringMatching(/^P[0-9YMWDTHS.]{0,8}$/),
      fc.constantFrom('P', 'PT', 'P1DT', 'PT10M', 'P1Y2M3W4DT5H6M7.5S', 'P30D', 'PT0S'),
    );
    fc.assert(
      fc.property(durations, (text) => {
        expect(pattern.test(text)).toBe(isIsoDuration(text));
      }),
      { numRuns: 500 },
    );
  });
});
