import { describe, expect, it } from 'vitest';
import { parseLintConfig } from '../../../lib/contracts/lint/config';
import { lintContracts } from '../../../lib/contracts/lint/lint-contracts';
import type { ContractRule } from '../../../lib/contracts/lint/rule';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { ALL_RULE_IDS, RULES } from '../../../lib/contracts/rules/registry';
import { EXAMPLES, exampleObject, lintFiles, NOW, ruleFixture } from './contract-fixtures';

const item = (object: unknown, file = 'contract.json', live?: boolean) => ({ parsed: parseContract(object), file, ...(live === undefined ? {} : { live }) });

describe('lintContracts', () => {
  it('turns a throwing rule into an internal-error finding and runs the rest', () => {
    const boom: ContractRule = {
      scope: 'contract',
      id: 'boom',
      title: 'Always throws',
      severity: 'warning',
      rationale: 'Exercises the internal-error path.',
      docs: 'x',
      check: () => {
        throw new Error('kaboom');
      },
    };
    const result = lintContracts([item(exampleObject('no-show-rebook'))], { context: { now: NOW }, rules: [boom, ...RULES] });
    const internal = result.findings.filter((f) => f.rule === 'internal-error');
    expect(internal).toEqual([
      { rule: 'internal-error', severity: 'error', contract: 'no-show-rebook', file: 'contract.json', path: '', message: 'rule boom failed (kaboom); the other rules still ran' },
    ]);
    // The other rules still ran: the lone contract's handoff target is missing.
    expect(result.findings.some((f) => f.rule === 'handoff-to-unknown')).toBe(true);
  });

  it('changes severity, turns rules off and excepts contracts with a reason', () => {
    const files = ruleFixture('stale-docs', 'violating');
    const base = lintFiles(files).findings;
    expect(base.map((f) => [f.rule, f.severity])).toEqual([['stale-docs', 'warning']]);
    const config = parseLintConfig({ rules: { 'stale-docs': 'error' } }, ALL_RULE_IDS);
    expect('config' in config && lintFiles(files, { config: config.config }).summary.errors).toBe(1);
    const off = parseLintConfig({ rules: { 'stale-docs': 'off' } }, ALL_RULE_IDS);
    expect('config' in off && lintFiles(files, { config: off.config }).findings).toEqual([]);
    const excepted = parseLintConfig(
      { rules: { 'stale-docs': { severity: 'error', exceptions: [{ contract: 'fixture-base', reason: 'Retired next month; no review planned.' }] } } },
      ALL_RULE_IDS,
    );
    if (!('config' in excepted)) throw new Error('config should parse');
    const result = lintFiles(files, { config: excepted.config });
    expect(result.findings[0]?.exception).toBe('Retired next month; no review planned.');
    expect(result.summary).toMatchObject({ errors: 0, excepted: 1 });
  });

  it('requires a reason for an exception and known rule ids', () => {
    expect(parseLintConfig({ rules: { 'stale-docs': { exceptions: [{ contract: 'x', reason: ' ' }] } } }, ALL_RULE_IDS)).toEqual({
      errors: ['rules.stale-docs.exceptions[0].reason: needs a reason: say why this contract is excepted'],
    });
    const unknown = parseLintConfig({ rules: { 'stale-doc': 'off' } }, ALL_RULE_IDS);
    expect('errors' in unknown && unknown.errors[0]).toMatch(/^rules\.stale-doc: no rule has this id/);
    expect('errors' in parseLintConfig({ rules: { 'stale-docs': 'loud' } }, ALL_RULE_IDS)).toBe(true);
  });

  it('does not repeat a schema finding with rule findings about the same value', () => {
    const object = exampleObject('no-show-rebook');
    object.steps[0].next = 42;
    const result = lintContracts([item(object)], { context: { now: NOW } });
    expect(result.findings.filter((f) => f.path.startsWith('/steps/0')).map((f) => f.rule)).toEqual(['schema']);
  });

  it('leaves drafts out of portal rules and names them in handoff-to-unknown', () => {
    const items = [
      item(exampleObject('new-lead-follow-up'), 'a.json'),
      item(exampleObject('no-show-rebook'), 'b.json'),
      item(exampleObject('long-term-nurture'), 'c.json', false),
    ];
    const findings = lintContracts(items, { context: { now: NOW } }).findings.filter((f) => f.rule === 'handoff-to-unknown');
    expect(findings.map((f) => [f.file, f.message])).toEqual([
      ['a.json', "hands off to 'long-term-nurture', which is not live: the record would be dropped"],
      ['b.json', "hands off to 'long-term-nurture', which is not live: the record would be dropped"],
    ]);
  });

  it('uses enrollment times from the context for untriggered-contract', () => {
    const context = {
      now: NOW,
      lastEnrolledAt: { 'new-lead-follow-up': new Date('2026-10-01T00:00:00Z'), 'no-show-rebook': new Date('2026-11-20T00:00:00Z'), 'long-term-nurture': null },
      liveSince: { 'long-term-nurture': new Date('2026-06-01T00:00:00Z') },
    };
    const findings = lintFiles(EXAMPLES, { context }).findings;
    expect(findings.map((f) => [f.rule, f.contract, f.message])).toEqual([
      ['untriggered-contract', 'long-term-nurture', "'long-term-nurture' has enrolled no record since it went live 182 days ago"],
      ['untriggered-contract', 'new-lead-follow-up', "'new-lead-follow-up' has enrolled no record for 60 days (last on 2026-10-01)"],
    ]);
  });

  it('takes a stage order declared by another contract of the set', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.exits[0].effects[0].with.value = 'subscriber';
    const findings = lintContracts([item(exampleObject('new-lead-follow-up'), 'a.json'), item(nurture, 'b.json')], { context: { now: NOW } }).findings;
    // No regression is provable in nurture alone (it never set or required a stage before)…
    expect(findings.filter((f) => f.rule === 'stage-regression')).toEqual([]);
    // …but with the order known, a branch that requires a later stage first makes it provable.
    nurture.steps[1].branch[0].when = { stage: { eq: 'salesqualifiedlead' } };
    nurture.steps[1].branch[0].next = 'exit-engaged';
    const again = lintContracts([item(exampleObject('new-lead-follow-up'), 'a.json'), item(nurture, 'b.json')], { context: { now: NOW } }).findings;
    expect(again.filter((f) => f.rule === 'stage-regression').map((f) => f.path)).toEqual(['/exits/0/effects/0/with/value']);
  });

  it('takes stage orders from the configuration when contracts omit them', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.entry.filter = { stage: { eq: 'opportunity' } };
    const findingsFor = (config?: Parameters<typeof lintContracts>[1]['config']) =>
      lintContracts([item(nurture)], { context: { now: NOW }, ...(config ? { config } : {}) }).findings.filter((f) => f.rule === 'stage-regression');
    expect(findingsFor()).toEqual([]);
    const parsed = parseLintConfig({ stageOrders: { lifecyclestage: ['lead', 'salesqualifiedlead', 'opportunity', 'customer'] } }, ALL_RULE_IDS);
    if (!('config' in parsed)) throw new Error('config should parse');
    expect(findingsFor(parsed.config).map((f) => f.message)).toEqual([
      "exit 'exit-engaged' sets lifecyclestage to 'salesqualifiedlead', earlier than 'opportunity' which a path to it already required on entry",
    ]);
  });

  it('reports a property trigger on a property the portal does not have, when the context lists them', () => {
    const portalProperties = { contact: ['lifecyclestage', 'email', 'last_meeting_outcome_v2', 'hs_lead_status'] };
    const findings = lintFiles(EXAMPLES, { context: { now: NOW, portalProperties } }).findings;
    expect(findings.map((f) => [f.rule, f.contract, f.path, f.message, f.fix])).toEqual([
      [
        'untriggered-contract',
        'no-show-rebook',
        '/trigger/property',
        "'no-show-rebook' starts when last_meeting_outcome changes, but contact records in this portal have no such property",
        "did you mean 'last_meeting_outcome_v2'?",
      ],
    ]);
    // Without the list nothing is known, and nothing is said.
    expect(lintFiles(EXAMPLES).findings).toEqual([]);
  });
});
