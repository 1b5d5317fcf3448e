import { describe, expect, it } from 'vitest';
import { compareValues, filterMatches } from '../../../lib/sandbox/search/filter-matches';
import { checkSearchLimits, searchRequest } from '../../../lib/sandbox/search/search-request';
import { SandboxError } from '../../../lib/sandbox/http/hubspot-errors';

const f = (operator: string, extra: Record<string, unknown> = {}) => ({ propertyName: 'p', operator, ...extra }) as Parameters<typeof filterMatches>[1];

describe('filterMatches', () => {
  it('compares strings case-insensitively and numbers and dates numerically', () => {
    expect(filterMatches('Alice', f('EQ', { value: 'alice' }))).toBe(true);
    expect(filterMatches('10', f('GT', { value: '9' }))).toBe(true);
    expect(compareValues('2024-01-02T00:00:00.000Z', String(Date.parse('2024-01-01T00:00:00Z')))).toBe(1);
    expect(filterMatches('5', f('BETWEEN', { value: '1', highValue: '5' }))).toBe(true);
  });

  it('handles missing values like HubSpot (NEQ/NOT_IN match, others do not)', () => {
    expect(filterMatches(undefined, f('HAS_PROPERTY'))).toBe(false);
    expect(filterMatches('', f('NOT_HAS_PROPERTY'))).toBe(true);
    expect(filterMatches(undefined, f('NEQ', { value: 'x' }))).toBe(true);
    expect(filterMatches(undefined, f('EQ', { value: 'x' }))).toBe(false);
    expect(filterMatches(undefined, f('NOT_IN', { values: ['x'] }))).toBe(true);
  });

  it('matches tokens with wildcards', () => {
    expect(filterMatches('ada@hubspot.com', f('CONTAINS_TOKEN', { value: '*@hubspot.com' }))).toBe(true);
    expect(filterMatches('Acme Logistics', f('CONTAINS_TOKEN', { value: 'logistics' }))).toBe(true);
    expect(filterMatches('Acme Logistics', f('NOT_CONTAINS_TOKEN', { value: 'logi' }))).toBe(true);
    expect(filterMatches('a', f('IN', { values: ['B', 'A'] }))).toBe(true);
  });
});

describe('search limits', () => {
  const limitError = (body: unknown, length = 100) => {
    try {
      checkSearchLimits(searchRequest.parse(body), length);
    } catch (error) {
      return (error as SandboxError).body;
    }
    return null;
  };
  const group = (n: number) => ({ filters: Array.from({ length: n }, () => ({ propertyName: 'email', operator: 'HAS_PROPERTY' })) });

  it('accepts the documented maxima', () => {
    expect(limitError({ filterGroups: [group(6), group(6), group(6)], limit: 200 })).toBeNull();
    expect(limitError({ filterGroups: [group(1), group(1), group(1), group(1), group(1)], after: 9800, limit: 200 })).toBeNull();
  });

  it('rejects 6 groups, 7 filters in a group, 19 filters, paging past 10,000, bodies over 3,000 chars', () => {
    expect(limitError({ filterGroups: Array(6).fill(group(1)) })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(limitError({ filterGroups: [group(7)] })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(limitError({ filterGroups: [group(6), group(6), group(6), group(1)] })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(limitError({ after: 9900, limit: 101 })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(limitError({}, 3001)).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(() => searchRequest.parse({ limit: 201 })).toThrow();
  });

  it('requires values where operators need them and accepts string sorts', () => {
    expect(limitError({ filterGroups: [{ filters: [{ propertyName: 'a', operator: 'EQ' }] }] })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(limitError({ filterGroups: [{ filters: [{ propertyName: 'a', operator: 'IN', values: [] }] }] })).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(searchRequest.parse({ sorts: ['-createdate'] }).sorts[0]).toEqual({ propertyName: 'createdate', direction: 'DESCENDING' });
  });
});
