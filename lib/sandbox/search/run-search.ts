/** Runs a validated search over a portal's live records: groups ORed, filters ANDed, one sort, offset paging. */
import type { CrmRecord } from '../state/crm-record';
import { resolveObjectType, type ObjectType } from '../state/object-types';
import { recordsOf, type Portal } from '../state/portal';
import { compareValues, filterMatches } from './filter-matches';
import { recordAsOf } from './record-as-of';
import type { SearchFilter, SearchRequest } from './search-request';

const QUERY_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'company', 'name', 'domain', 'dealname', 'subject', 'hs_task_subject'];

function valueFor(portal: Portal, record: CrmRecord, filter: SearchFilter): string | undefined {
  // `associations.contact` EQ 123 → is this record linked to contact 123?
  if (filter.propertyName.startsWith('associations.')) {
    const toType = resolveObjectType(filter.propertyName.slice('associations.'.length));
    if (!toType) return undefined;
    const ids = portal.associations.list(record.objectType, record.id, toType).map((l) => l.toId);
    const wanted = [filter.value, ...(filter.values ?? [])].filter((v): v is string => v !== undefined);
    return ids.find((id) => wanted.includes(id)) ?? ids[0];
  }
  return filter.propertyName === 'hs_object_id' ? record.id : record.properties.get(filter.propertyName);
}

/** Matching records in order, plus the total before paging. `lagMs` > 0 searches the index as it was that long ago. */
export function runSearch(
  portal: Portal,
  type: ObjectType,
  request: SearchRequest,
  lagMs = 0,
): { total: number; page: CrmRecord[]; nextAfter?: number } {
  const query = request.query?.trim().toLowerCase();
  const cutoff = portal.now() - lagMs;
  const indexed = [...recordsOf(portal, type).values()].flatMap((record) => {
    const seen = lagMs > 0 ? recordAsOf(record, cutoff) : record;
    return seen ? [seen] : [];
  });
  const matches = indexed.filter((record) => {
    if (record.archived) return false;
    if (query && !QUERY_PROPERTIES.some((p) => record.properties.get(p)?.toLowerCase().includes(query))) return false;
    if (request.filterGroups.length === 0) return true;
    return request.filterGroups.some((group) => group.filters.every((filter) => filterMatches(valueFor(portal, record, filter), filter)));
  });
  const sort = request.sorts[0];
  matches.sort((a, b) => {
    if (!sort) return Number(a.id) - Number(b.id);
    const left = sort.propertyName === 'hs_object_id' ? a.id : (a.properties.get(sort.propertyName) ?? '');
    const right = sort.propertyName === 'hs_object_id' ? b.id : (b.properties.get(sort.propertyName) ?? '');
    const order = compareValues(left, right) || Number(a.id) - Number(b.id);
    return sort.direction === 'DESCENDING' ? -order : order;
  });
  const page = matches.slice(request.after, request.after + request.limit);
  const nextAfter = request.after + request.limit < matches.length && request.limit > 0 ? request.after + request.limit : undefined;
  return { total: matches.length, page, nextAfter };
}
