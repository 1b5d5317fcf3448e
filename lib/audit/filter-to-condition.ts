/**
 * HubSpot filter branches (Lists API grammar) as contract-format conditions, so the audit can
 * reuse the contract linter's condition logic (requirements, contradictions) across native
 * workflows and contracts. Filters it cannot express (events, lists, associations) become
 * `undefined` parts: they narrow nothing, so overlap checks stay conservative.
 */
import type { Condition, Scalar } from '../contracts/condition-schema';
import type { FilterBranch } from './flow-schema';

type Operation = { operator?: string; value?: unknown; values?: unknown[]; operationType?: string };

const scalar = (value: unknown, numeric: boolean): Scalar => {
  if (numeric && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
};

/** One property filter as a property test (undefined when the operator has no contract equivalent). */
export function propertyFilterCondition(filter: Record<string, unknown>): Condition | undefined {
  const property = filter.property;
  const op = filter.operation as Operation | undefined;
  if (filter.filterType !== 'PROPERTY' || typeof property !== 'string' || !op?.operator) return undefined;
  const numeric = op.operationType === 'NUMBER';
  const values = (op.values ?? (op.value !== undefined ? [op.value] : [])).map((v) => scalar(v, numeric));
  const first = values[0];
  switch (op.operator) {
    case 'IS_ANY_OF': case 'IS_EQUAL_TO': case 'EQ':
      return values.length === 1 ? { property, eq: first ?? null } : { property, in: values };
    case 'IS_NONE_OF': case 'IS_NOT_EQUAL_TO': case 'NEQ':
      return values.length === 1 ? { property, neq: first ?? null } : { property, notIn: values };
    case 'IS_KNOWN': return { property, known: true };
    case 'IS_UNKNOWN': return { property, known: false };
    case 'IS_GREATER_THAN': return first === undefined || first === null || typeof first === 'boolean' ? undefined : { property, gt: first };
    case 'IS_GREATER_THAN_OR_EQUAL_TO': return first === undefined || first === null || typeof first === 'boolean' ? undefined : { property, gte: first };
    case 'IS_LESS_THAN': return first === undefined || first === null || typeof first === 'boolean' ? undefined : { property, lt: first };
    case 'IS_LESS_THAN_OR_EQUAL_TO': return first === undefined || first === null || typeof first === 'boolean' ? undefined : { property, lte: first };
    case 'IS_BETWEEN': {
      const [low, high] = values;
      return typeof low === 'number' && typeof high === 'number' ? { all: [{ property, gte: low }, { property, lte: high }] } : undefined;
    }
    case 'CONTAINS': return typeof first === 'string' ? { property, contains: first } : undefined;
    default: return undefined;
  }
}

/** Number of filters (of any kind) in a branch, recursively: 0 means "everyone". */
export function filterCount(branch: FilterBranch | null | undefined): number {
  if (!branch) return 0;
  return (branch.filters?.length ?? 0) + (branch.filterBranches ?? []).reduce((sum, child) => sum + filterCount(child), 0)
    + (branch.filterBranchType === 'UNIFIED_EVENTS' || branch.eventTypeId ? 1 : 0);
}

/** A filter branch as a condition; undefined when nothing in it can be expressed. */
export function branchCondition(branch: FilterBranch | null | undefined): Condition | undefined {
  if (!branch) return undefined;
  const parts = [
    ...(branch.filters ?? []).map(propertyFilterCondition),
    ...(branch.filterBranches ?? []).map(branchCondition),
  ];
  const kind = (branch.filterBranchType ?? branch.filterBranchOperator ?? 'AND').toUpperCase();
  if (kind === 'OR') {
    // An OR with an inexpressible part can be true through that part: it narrows nothing.
    if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
    return parts.length === 1 ? parts[0] : { any: parts as Condition[] };
  }
  const known = parts.filter((p): p is Condition => p !== undefined);
  if (known.length === 0) return undefined;
  const all: Condition = known.length === 1 ? known[0]! : { all: known };
  return kind === 'NOT_ANY' || kind === 'NOT_ALL' ? (known.length === parts.length ? { not: all } : undefined) : all;
}

/** Property names a branch reads (for "what triggers this workflow"). */
export function branchProperties(branch: FilterBranch | null | undefined, into: Set<string> = new Set()): Set<string> {
  if (!branch) return into;
  for (const filter of branch.filters ?? []) if (typeof filter.property === 'string') into.add(filter.property);
  for (const child of branch.filterBranches ?? []) branchProperties(child, into);
  return into;
}
