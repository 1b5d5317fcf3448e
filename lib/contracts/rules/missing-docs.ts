/** Rule `missing-docs`: purpose, owner and business event are what makes a path reviewable. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, blank } from './rule-helpers';

const REQUIRED = {
  purpose: 'why this path exists',
  owner: 'who answers for it',
  businessEvent: 'the business milestone the trigger stands for',
} as const;

export const missingDocs = {
  scope: 'contract',
  id: 'missing-docs',
  title: 'Documentation missing',
  severity: 'error',
  rationale: 'A path nobody can explain or own cannot be reviewed, audited or safely changed.',
  docs: ruleDocs('missing-docs'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    for (const [field, meaning] of Object.entries(REQUIRED)) {
      const value = contract.docs?.[field as keyof typeof REQUIRED];
      if (blank(value)) {
        findings.push({ path: at('docs', field), message: `docs.${field} is ${value === undefined ? 'missing' : 'blank'}: say ${meaning}` });
      }
    }
    return findings;
  },
} as const satisfies ContractRule;
