import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/contracts/rules/registry';
import { EXAMPLES, fixtureRuleIds, lintFiles, QUIET_PORTAL, ruleFixture } from './contract-fixtures';

describe('rule fixtures', () => {
  it('exist for every rule of the registry, and only for those', () => {
    expect(fixtureRuleIds()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('reports the violating fixture', () => {
        const files = ruleFixture(rule.id, 'violating');
        expect(files.size).toBeGreaterThan(0);
        const found = lintFiles(files).findings.filter((f) => f.rule === rule.id);
        expect(found.length).toBeGreaterThan(0);
        for (const finding of found) {
          expect(finding.severity).toBe(rule.severity);
          expect(finding.contract).toMatch(/^fixture-/);
          expect(finding.file).toMatch(/\.json$/);
          expect(finding.path === '' || finding.path.startsWith('/')).toBe(true);
          expect(finding.message.length).toBeGreaterThan(10);
        }
      });

      it('is quiet on the clean fixture (which lints clean as a whole)', () => {
        const files = ruleFixture(rule.id, 'clean');
        expect(files.size).toBeGreaterThan(0);
        expect(lintFiles(files).findings).toEqual([]);
      });
    });
  }
});

describe('the shared examples', () => {
  it('lint clean as one set', () => {
    expect(EXAMPLES.size).toBe(3);
    const result = lintFiles(EXAMPLES);
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ contracts: 3, errors: 0, warnings: 0, infos: 0, excepted: 0 });
  });

  it('are complete contracts the runtime can execute', async () => {
    const { parseContract } = await import('../../../lib/contracts/parse-contract');
    for (const text of EXAMPLES.values()) expect(parseContract(text).complete).toBeDefined();
  });
});

describe('a realistic portal', () => {
  it('lints clean: deal, ticket and manual contracts, YAML, stages moved by people, preemption', () => {
    expect([...QUIET_PORTAL.keys()].sort()).toEqual([
      'customer-onboarding.yaml',
      'deal-contract-nudge.json',
      'long-term-nurture.json',
      'new-lead-follow-up.json',
      'no-show-rebook.json',
      'urgent-ticket-escalation.json',
    ]);
    expect(lintFiles(QUIET_PORTAL).findings).toEqual([]);
  });
});
