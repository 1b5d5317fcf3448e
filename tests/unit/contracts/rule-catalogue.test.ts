/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { renderRuleCatalogue } from '../../../lib/contracts/rules/rule-catalogue';
import { RULES } from '../../../lib/contracts/rules/registry';
import catalogueReadme from '../../../lib/contracts/rules/README.md?raw';

// The catalogue of the contract format page ("Rule catalogue (stable ids)"), with default severities.
const FORMAT_CATALOGUE = {
  'missing-trigger': 'error',
  'missing-entry-filter': 'error',
  'missing-docs': 'error',
  'missing-exit': 'error',
  'missing-timed-action': 'error',
  'unknown-reference': 'error',
  'duplicate-id': 'error',
  'unreachable-step': 'error',
  'dead-end': 'error',
  'wait-without-timeout': 'error',
  'branch-without-else': 'error',
  'action-without-failure-path': 'error',
  'instant-loop': 'error',
  'exit-without-state': 'error',
  'failure-exit-silent': 'error',
  'stage-regression': 'error',
  'stale-docs': 'warning',
  'no-branch': 'warning',
  'overlapping-entry': 'warning',
  'contradictory-writes': 'error',
  'handoff-to-unknown': 'error',
  'handoff-rejected': 'error',
  'handoff-cycle': 'warning',
  'ambiguous-stage': 'warning',
  'untriggered-contract': 'warning',
} as const;

const PORTAL = ['overlapping-entry', 'contradictory-writes', 'handoff-to-unknown', 'handoff-rejected', 'handoff-cycle', 'ambiguous-stage', 'untriggered-contract'];

describe('rule registry', () => {
  it('implements every catalogue rule with its default severity and scope', () => {
    const byId = new Map<string, (typeof RULES)[number]>(RULES.map((rule) => [rule.id, rule]));
    for (const [id, severity] of Object.entries(FORMAT_CATALOGUE)) {
      const rule = byId.get(id);
      expect(rule, id).toBeDefined();
      expect(rule?.severity, id).toBe(severity);
      expect(rule?.scope, id).toBe(PORTAL.includes(id) ? 'portal' : 'contract');
    }
  });

  it('gives every rule a unique id, a title, a rationale and a docs link', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(rule.docs).toBe(`lib/contracts/rules/README.md#${rule.id}`);
    }
  });

  it('keeps the committed catalogue page in sync with the registry', () => {
    expect(catalogueReadme).toBe(renderRuleCatalogue());
    for (const rule of RULES) expect(catalogueReadme).toContain(`## ${rule.id}\n`);
  });
});
