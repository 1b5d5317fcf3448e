/** Portal rule `duplicate-key` (beyond the catalogue): contract keys are unique per portal. */
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

export const duplicateKey = {
  scope: 'portal',
  id: 'duplicate-key',
  title: 'Two contracts share a key',
  severity: 'error',
  rationale: 'Handoffs, lanes and the state store identify contracts by key; two with one key are indistinguishable.',
  docs: ruleDocs('duplicate-key'),
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const [key, contracts] of index.allByKey) {
      const [first, ...others] = contracts;
      for (const other of others) {
        findings.push({
          contract: key,
          path: '/key',
          message: `key '${key}' is already used by ${first?.file ?? 'another contract in the set'}`,
          fix: 'give each contract its own key',
          ...(other.file !== undefined ? { file: other.file } : {}),
        });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;
