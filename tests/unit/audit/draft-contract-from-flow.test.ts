import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { draftContractFromFlow, UnreadableFlowError } from '../../../lib/audit';
import { lintContracts } from '../../../lib/contracts/lint/lint-contracts';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { demoFlows } from '../../../lib/sandbox/seed/demo-flows';
import { NOW, delay, listBased, nativeFlow, orOfAnd, propertyFilter, sendEmail } from './audit-fixtures';

const flows = new Map(demoFlows(NOW.getTime()).map((f) => [f.id, f]));
const demo = (id: string) => draftContractFromFlow(flows.get(id), { now: NOW });
const open = (d: { openFindings: { rule: string; path: string }[] }) => d.openFindings.map((f) => `${f.rule} ${f.path}`);
// What no native workflow declares: who owns it and which business milestone it stands for
// (and, without a description, why it exists), and the named end states.
const UNDECLARED = ['missing-docs /docs/purpose', 'missing-docs /docs/owner', 'missing-docs /docs/businessEvent', 'missing-exit /exits'];

describe('draftContractFromFlow on the seeded demo flows', () => {
  it('every draft lints with exactly the expected open findings', () => {
    const expected: Record<string, string[]> = {
      '585051946': ['schema /goals/0/exit', ...UNDECLARED, 'dead-end /steps/2/next', 'action-without-failure-path /steps/0/onFailure', 'action-without-failure-path /steps/2/onFailure', 'no-branch /steps'],
      '585051947': ['missing-trigger /trigger', 'missing-entry-filter /entry/filter', ...UNDECLARED, 'dead-end /steps/0/next', 'action-without-failure-path /steps/0/onFailure', 'no-branch /steps'],
      '585051948': [...UNDECLARED, 'dead-end /steps/1/next', 'dead-end /steps/2/next', 'branch-without-else /steps/0/else', 'action-without-failure-path /steps/1/onFailure', 'action-without-failure-path /steps/2/onFailure'],
      '585051949': [...UNDECLARED, 'dead-end /steps/1/next', 'action-without-failure-path /steps/1/onFailure', 'no-branch /steps'],
      '585051950': [...UNDECLARED, 'dead-end /steps/0/next', 'action-without-failure-path /steps/0/onFailure', 'no-branch /steps'],
      '585051951': [...UNDECLARED, 'dead-end /steps/1/next', 'action-without-failure-path /steps/0/onFailure', 'action-without-failure-path /steps/1/onFailure', 'no-branch /steps'],
      '585051952': [...UNDECLARED, 'dead-end /steps/0/next', 'action-without-failure-path /steps/0/onFailure', 'no-branch /steps'],
    };
    for (const [id, findings] of Object.entries(expected)) expect(open(demo(id)), id).toEqual(findings);
    expect([...flows.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it('maps trigger, entry filter, re-enrolment, steps in path order, branches and the goal', () => {
    expect(demo('585051946').draft).toEqual({
      contract: 1, key: 'new-lead-welcome', name: 'New lead welcome', object: 'contact', docs: {},
      trigger: { event: 'property_changed', property: 'lifecyclestage', to: 'lead' },
      entry: { filter: { property: 'lifecyclestage', eq: 'lead' }, reenroll: 'never' },
      steps: [
        { id: 'send-email-1', action: 'send_email', with: { template: '110001' }, next: 'wait-2' },
        { id: 'wait-2', wait: 'P1D', next: 'set-property-3' },
        { id: 'set-property-3', action: 'set_property', with: { property: 'hs_lead_status', value: 'OPEN' } },
      ],
      goals: [{ when: { property: 'hs_lead_status', eq: 'CONNECTED' } }],
    });
    expect(demo('585051948').draft.steps).toEqual([
      { id: 'branch-1', branch: [
        { when: { property: 'num_employees', gte: 200 }, next: 'create-task-2' },
        { when: { all: [{ property: 'num_employees', gte: 50 }, { property: 'num_employees', lte: 199 }] }, next: 'create-task-3' },
      ] },
      { id: 'create-task-2', action: 'create_task', with: { title: 'Enterprise MQL: book discovery call' } },
      { id: 'create-task-3', action: 'create_task', with: { title: 'Mid-market MQL: send case study' } },
    ]);
    expect(demo('585051947').draft.entry).toEqual({ filter: { always: true }, reenroll: 'after_exit' });
    expect(demo('585051952').draft).toMatchObject({ object: 'deal', trigger: { property: 'dealstage', to: 'closedwon' } });
  });

  it('the YAML reads back as the same draft, with where it came from as a comment', () => {
    const drafted = demo('585051948');
    expect(parseYaml(drafted.yaml)).toEqual(drafted.draft);
    expect(drafted.yaml).toMatch(/^# Drafted on 2026-12-01 from HubSpot workflow 585051948 \("Route MQLs by company size"\)\.\n# 9 open finding\(s\)/);
    expect(open({ openFindings: lintContracts([{ parsed: parseContract(drafted.yaml), live: false }], { context: { now: NOW } }).findings })).toEqual(open(drafted));
  });

  it('resolving the open findings (and nothing else) makes the draft publishable', () => {
    const { draft } = demo('585051949');
    const steps = draft.steps as Record<string, unknown>[];
    const resolved = {
      ...draft,
      docs: { purpose: 'Nurture bad-timing leads', owner: 'ops@example.com', businessEvent: 'Lead says the timing is bad', notes: 'Drafted from a workflow' },
      steps: [steps[0], { ...steps[1], next: 'nurtured', onFailure: 'failed' }],
      exits: [
        { id: 'nurtured', outcome: 'success', effects: [{ action: 'add_tag', with: { tag: 'nurtured' } }] },
        { id: 'failed', outcome: 'failure', effects: [{ action: 'notify', with: { to: 'owner', message: 'Nurture email failed' } }] },
      ],
    };
    const lint = lintContracts([{ parsed: parseContract(resolved), live: false }], { context: { now: NOW } });
    expect(lint.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps an action with no contract equivalent as a kindless step (named by the parser), and uses the description', () => {
    const raw = nativeFlow({
      id: '77', name: '!!!', extra: { description: 'Chases demo no-shows' },
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['NEW', 'OPEN']))),
      actions: [sendEmail('1', '5', '2'), { type: 'SINGLE_CONNECTION', actionId: '2', actionTypeId: '0-35', fields: { date: 'x' }, connection: { edgeType: 'STANDARD', nextActionId: '3' } }, delay('3', 90)],
    });
    const drafted = draftContractFromFlow(raw, { now: NOW });
    expect(drafted.draft).toMatchObject({
      key: 'workflow-77', docs: { purpose: 'Chases demo no-shows' },
      trigger: { event: 'property_changed', property: 'hs_lead_status' },
      entry: { filter: { property: 'hs_lead_status', in: ['NEW', 'OPEN'] } },
      steps: [{ id: 'send-email-1', next: 'hubspot-2' }, { id: 'hubspot-2', next: 'wait-3', note: expect.stringContaining('HubSpot action 2 (SINGLE_CONNECTION 0-35)') }, { id: 'wait-3', wait: 'PT90M' }],
    });
    expect((drafted.draft.trigger as Record<string, unknown>).to).toBeUndefined();
    expect(open(drafted)).toContain('schema /steps/1');
    expect(open(drafted)).not.toContain('missing-docs /docs/purpose');
    expect(drafted.yaml).toContain('# Not mapped: HubSpot action 2 (SINGLE_CONNECTION 0-35).');
  });

  it('refuses JSON that is not a v4 flow, naming the field', () => {
    expect(() => draftContractFromFlow({ name: 'x' }, { now: NOW })).toThrow(UnreadableFlowError);
    expect(() => draftContractFromFlow({ name: 'x' }, { now: NOW })).toThrow(/id/);
  });
});
