import { describe, expect, it } from 'vitest';
import { findCycles } from '../../../lib/contracts/lint/graph';
import { lintContracts } from '../../../lib/contracts/lint/lint-contracts';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { exampleObject, NOW, type EditableJson } from './contract-fixtures';

const lint = (...objects: EditableJson[]) =>
  lintContracts(
    objects.map((o, i) => ({ parsed: parseContract(o), file: `c${i}.json` })),
    { context: { now: NOW } },
  ).findings;
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('handoff-rejected is conservative', () => {
  it('stays quiet when the target filter depends on facts the linter cannot know', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.entry.filter = { all: [{ property: 'hs_email_optout', neq: 'true' }, { not: { inContract: 'any' } }] };
    expect(rules(lint(exampleObject('new-lead-follow-up'), exampleObject('no-show-rebook'), nurture))).toEqual([]);
  });

  it('knows the handing-off run has ended and released its lanes', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.entry.filter = { all: [{ not: { inContract: 'new-lead-follow-up' } }, { not: { inLane: 'outreach' } }] };
    expect(rules(lint(exampleObject('new-lead-follow-up'), exampleObject('no-show-rebook'), nurture))).toEqual([]);
  });

  it('knows the run that just completed, and through which exit', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.entry.filter = { not: { completed: 'no-show-rebook', within: 'P30D' } };
    const findings = lint(exampleObject('new-lead-follow-up'), exampleObject('no-show-rebook'), nurture).filter((f) => f.rule === 'handoff-rejected');
    expect(findings.map((f) => [f.contract, f.message])).toEqual([
      ['no-show-rebook', "hands off to 'long-term-nurture', which always rejects the record: its entry filter (/entry/filter) is false for what exit 'exit-silent' leaves behind"],
    ]);
  });

  it('reports a stage the exit set that the target refuses', () => {
    const nurture = exampleObject('long-term-nurture');
    nurture.entry.filter = { stage: { in: ['lead', 'subscriber'] } };
    const findings = lint(exampleObject('new-lead-follow-up'), nurture).filter((f) => f.rule === 'handoff-rejected');
    expect(findings.map((f) => f.path)).toEqual(['/exits/1/effects/1/with/key']);
  });

  it('reports a mid-run handoff into a contract that needs the lane the run still holds', () => {
    const lead = exampleObject('new-lead-follow-up');
    lead.steps[2] = { id: 'owner-task', action: 'start_contract', with: { key: 'rebook' }, next: 'await-decision', onFailure: 'exit-unreachable' };
    const rebook = { ...exampleObject('no-show-rebook'), key: 'rebook', trigger: { event: 'handoff' } };
    rebook.entry.filter = { property: 'email', known: true };
    const findings = lint(lead, rebook).filter((f) => f.rule === 'handoff-rejected');
    expect(findings.map((f) => f.message)).toEqual([
      "hands off to 'rebook', which always rejects the record: this run still holds lane 'outreach' when the step hands off, and 'rebook' needs it",
    ]);
  });

  it('reports a handoff across record types', () => {
    const nurture = { ...exampleObject('long-term-nurture'), object: 'deal' };
    expect(lint(exampleObject('new-lead-follow-up'), nurture).find((f) => f.rule === 'handoff-rejected')?.message).toMatch(/runs on deal records/);
  });
});

describe('overlapping-entry and contradictory-writes', () => {
  const twin = (key: string, lane: string) => {
    const c = exampleObject('no-show-rebook');
    c.key = key;
    c.entry.lanes = [lane];
    c.entry.filter = { property: 'email', known: true };
    // No handoff: these tests are about two contracts on their own.
    c.exits[3].effects = [{ action: 'add_tag', with: { tag: `${key}-silent` } }];
    return c;
  };

  it('reports two contracts on one event that can both take a record', () => {
    const findings = lint(twin('rebook-a', 'a'), twin('rebook-b', 'b'));
    expect(rules(findings)).toEqual(['overlapping-entry']);
  });

  it('stays quiet when the entry filters cannot both hold', () => {
    const a = twin('rebook-a', 'a');
    const b = twin('rebook-b', 'b');
    a.entry.filter = { property: 'country', eq: 'DE' };
    b.entry.filter = { all: [{ property: 'country', in: ['FR', 'NL'] }] };
    expect(rules(lint(a, b))).toEqual([]);
  });

  it('stays quiet when each excludes the other', () => {
    const a = twin('rebook-a', 'a');
    const b = twin('rebook-b', 'b');
    a.entry.filter = { not: { inContract: 'any' } };
    b.entry.filter = { not: { inLane: 'a' } };
    expect(rules(lint(a, b))).toEqual([]);
  });

  it('reports contradictory writes only between contracts that can be active together', () => {
    const a = twin('rebook-a', 'a');
    const b = { ...twin('rebook-b', 'b'), trigger: { event: 'property_changed', property: 'other_outcome', to: 'X' } };
    b.exits[0].effects[0].with.value = 'ATTEMPTED_TO_CONTACT';
    const findings = lint(a, b);
    expect(findings.map((f) => [f.rule, f.contract, f.path])).toEqual([['contradictory-writes', 'rebook-a', '/exits/0/effects/0']]);
    b.entry.lanes = ['a'];
    expect(rules(lint(a, b))).toEqual([]);
  });

  it('does not count monotonic stage moves or increments as contradictions', () => {
    const a = twin('rebook-a', 'a');
    const b = { ...twin('rebook-b', 'b'), trigger: { event: 'property_changed', property: 'other_outcome', to: 'X' } };
    a.exits[0].effects = [{ action: 'set_stage', with: { value: 'opportunity' } }, { action: 'set_property', with: { property: 'touches', increment: 1 } }];
    b.exits[0].effects = [{ action: 'set_stage', with: { value: 'customer' } }, { action: 'set_property', with: { property: 'touches', increment: 2 } }];
    expect(rules(lint(a, b))).toEqual([]);
  });
});

describe('ambiguous-stage', () => {
  const owner = (key: string, country: string) => {
    const c = exampleObject('new-lead-follow-up');
    c.key = key;
    c.entry.filter = { property: 'country', eq: country };
    c.entry.lanes = ['outreach'];
    c.exits[1].effects = [{ action: 'set_stage', with: { value: 'marketingqualifiedlead' } }];
    return c;
  };

  it('reports a stage that several contracts claim', () => {
    const b = owner('lead-b', 'DE');
    b.entry.filter = { property: 'email', known: true };
    const findings = lint(owner('lead-a', 'DE'), b).filter((f) => f.rule === 'ambiguous-stage');
    expect(findings.map((f) => f.message)).toEqual(["several contracts start when a record enters lifecyclestage 'lead': 'lead-a', 'lead-b'"]);
  });

  it('stays quiet when the claimants split records by their entry filters', () => {
    expect(lint(owner('lead-a', 'DE'), owner('lead-b', 'FR')).filter((f) => f.rule === 'ambiguous-stage')).toEqual([]);
  });

  it('reports a gap in the governed funnel, but not stages beyond it', () => {
    const gap = owner('lead-a', 'DE');
    // lead is owned, salesqualifiedlead entered; a wait on marketingqualifiedlead between them is a gap…
    gap.exits[1].effects = [{ action: 'add_tag', with: { tag: 'nurture' } }];
    gap.steps[3].waitFor[0].when = { stage: { eq: 'marketingqualifiedlead' } };
    expect(lint(gap).filter((f) => f.rule === 'ambiguous-stage').map((f) => f.message)).toEqual([
      "'lead-a' depends on lifecyclestage 'marketingqualifiedlead', a gap in the funnel the contracts govern: no contract moves records into or out of it",
    ]);
    // …while customer, after the governed range, is left to people and HubSpot.
    gap.steps[3].waitFor[0].when = { stage: { eq: 'customer' } };
    expect(lint(gap).filter((f) => f.rule === 'ambiguous-stage')).toEqual([]);
  });

  it('reports a stage value outside the known order, with a suggestion', () => {
    const c = owner('lead-a', 'DE');
    c.exits[0].effects[0].with.value = 'salesqualifedlead';
    const findings = lint(c).filter((f) => f.rule === 'ambiguous-stage');
    expect(findings.map((f) => [f.message, f.fix])).toEqual([
      [
        "'salesqualifedlead' is not a stage of lifecyclestage (known order: subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, evangelist)",
        "did you mean 'salesqualifiedlead'?",
      ],
    ]);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, with self-loops, and ignores acyclic parts', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c', 'd'], c: ['a'], d: ['e'], e: [], f: ['f'], g: ['a'] };
    expect(findCycles(Object.keys(edges), (id) => edges[id] ?? [])).toEqual([['a', 'b', 'c'], ['f']]);
  });

  it('handles long chains without recursion limits', () => {
    const n = 50_000;
    const cycles = findCycles(Array.from({ length: n }, (_, i) => `s${i}`), (id) => {
      const i = Number(id.slice(1));
      return [`s${(i + 1) % n}`];
    });
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });
});
