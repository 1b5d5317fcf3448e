/** Rule `stale-docs`: documentation that nobody reviewed for half a year has likely drifted. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

const MAX_AGE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export const staleDocs = {
  scope: 'contract',
  id: 'stale-docs',
  title: 'Documentation not reviewed recently',
  severity: 'warning',
  rationale: 'Docs are the promise that the logic is understood; an old review date means nobody re-checked it.',
  docs: ruleDocs('stale-docs'),
  check({ contract, context }) {
    const reviewedAt = contract.docs?.reviewedAt;
    if (reviewedAt === undefined) return [];
    const days = Math.floor((context.now.getTime() - Date.parse(reviewedAt)) / DAY_MS);
    if (days <= MAX_AGE_DAYS) return [];
    return [{ path: at('docs', 'reviewedAt'), message: `docs were last reviewed ${days} days ago (${reviewedAt}); the limit is ${MAX_AGE_DAYS}`, fix: 'review the docs against the path and update docs.reviewedAt' }];
  },
} as const satisfies ContractRule;
