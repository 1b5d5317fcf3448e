/**
 * Pure evaluation of one search filter against a record's value. Strings compare
 * case-insensitively (HubSpot search is case-insensitive); numbers numerically; datetimes as
 * epoch ms whether the stored value or the filter value is ISO or epoch. CONTAINS_TOKEN matches
 * whole tokens and supports `*` wildcards.
 */
import type { SearchFilter } from './search-request';

function asNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

/** -1/0/1 comparison, numeric when both sides are numbers or dates, else case-insensitive text. */
export function compareValues(stored: string, wanted: string): number {
  const a = asNumber(stored);
  const b = asNumber(wanted);
  if (a !== undefined && b !== undefined) return a === b ? 0 : a < b ? -1 : 1;
  const x = stored.toLowerCase();
  const y = wanted.toLowerCase();
  return x === y ? 0 : x < y ? -1 : 1;
}

function tokenMatch(stored: string, pattern: string): boolean {
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const regex = new RegExp(`^${escaped}$`);
  if (regex.test(stored.toLowerCase())) return true;
  return stored.toLowerCase().split(/[\s,;]+/).some((token) => regex.test(token));
}

/** True when the (possibly missing) stored value satisfies the filter. */
export function filterMatches(stored: string | undefined, filter: SearchFilter): boolean {
  const has = stored !== undefined && stored !== '';
  const value = filter.value ?? '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && compareValues(stored, value) === 0;
    case 'NEQ':
      return !has || compareValues(stored, value) !== 0;
    case 'LT':
      return has && compareValues(stored, value) < 0;
    case 'LTE':
      return has && compareValues(stored, value) <= 0;
    case 'GT':
      return has && compareValues(stored, value) > 0;
    case 'GTE':
      return has && compareValues(stored, value) >= 0;
    case 'BETWEEN':
      return has && compareValues(stored, value) >= 0 && compareValues(stored, filter.highValue ?? '') <= 0;
    case 'IN':
      return has && (filter.values ?? []).some((v) => compareValues(stored, v) === 0);
    case 'NOT_IN':
      return !has || !(filter.values ?? []).some((v) => compareValues(stored, v) === 0);
    case 'CONTAINS_TOKEN':
      return has && tokenMatch(stored, value);
    case 'NOT_CONTAINS_TOKEN':
      return !has || !tokenMatch(stored, value);
  }
}
