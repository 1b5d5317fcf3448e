/**
 * The CRM search request (reference §6.3) and HubSpot's limits on it: at most 5 filter groups,
 * 6 filters per group and 18 filters in total; page size ≤ 200; no paging past 10,000 results;
 * a request body of at most 3,000 characters. `sorts` may be strings (`"-createdate"`, spec) or
 * objects (docs); only the first sort is honoured.
 */
import { z } from 'zod';
import { validationError } from '../http/hubspot-errors';

const OPERATORS = [
  'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN',
  'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const searchFilter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});

export type SearchFilter = z.infer<typeof searchFilter>;

const sort = z.union([
  z.string().transform((s) => ({ propertyName: s.replace(/^-/, ''), direction: s.startsWith('-') ? 'DESCENDING' : 'ASCENDING' })),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
]);

export const searchRequest = z.object({
  query: z.string().optional(),
  filterGroups: z.array(z.object({ filters: z.array(searchFilter) })).default([]),
  sorts: z.array(sort).default([]),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(0).max(200).default(10),
  after: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).transform(Number).default(0),
});

export type SearchRequest = z.infer<typeof searchRequest>;

const SEARCH_LIMITS = { groups: 5, filtersPerGroup: 6, filters: 18, resultWindow: 10_000, bodyChars: 3_000 } as const;

/** Throws HubSpot's 400 when a parsed request breaks a limit. */
export function checkSearchLimits(request: SearchRequest, rawBodyLength: number): void {
  if (rawBodyLength > SEARCH_LIMITS.bodyChars) {
    throw validationError(`Search request body is ${rawBodyLength} characters; the limit is ${SEARCH_LIMITS.bodyChars}.`);
  }
  if (request.filterGroups.length > SEARCH_LIMITS.groups) {
    throw validationError(`Too many filter groups: ${request.filterGroups.length}. The maximum is ${SEARCH_LIMITS.groups}.`);
  }
  const perGroup = Math.max(0, ...request.filterGroups.map((g) => g.filters.length));
  if (perGroup > SEARCH_LIMITS.filtersPerGroup) {
    throw validationError(`Too many filters in a filter group: ${perGroup}. The maximum is ${SEARCH_LIMITS.filtersPerGroup}.`);
  }
  const total = request.filterGroups.reduce((n, g) => n + g.filters.length, 0);
  if (total > SEARCH_LIMITS.filters) {
    throw validationError(`Too many filters: ${total}. The maximum across all filter groups is ${SEARCH_LIMITS.filters}.`);
  }
  if (request.after + request.limit > SEARCH_LIMITS.resultWindow) {
    throw validationError(`Paging beyond ${SEARCH_LIMITS.resultWindow} results is not supported (after=${request.after}, limit=${request.limit}).`);
  }
  for (const group of request.filterGroups) {
    for (const filter of group.filters) {
      const needsValue = !['HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'IN', 'NOT_IN'].includes(filter.operator);
      if (needsValue && filter.value === undefined) throw validationError(`Filter on ${filter.propertyName} with operator ${filter.operator} requires a value.`);
      if (filter.operator === 'BETWEEN' && filter.highValue === undefined) throw validationError(`BETWEEN filter on ${filter.propertyName} requires a highValue.`);
      if ((filter.operator === 'IN' || filter.operator === 'NOT_IN') && !filter.values?.length) {
        throw validationError(`${filter.operator} filter on ${filter.propertyName} requires values.`);
      }
    }
  }
}
