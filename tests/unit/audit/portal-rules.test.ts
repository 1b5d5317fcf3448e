import { describe, expect, it } from 'vitest';
import { buildStageMap, type AuditContract } from '../../../lib/audit';
import { buildAuditContext } from '../../../lib/audit/audit-context';
import { portalAmbiguousStage } from '../../../lib/audit/rules/portal-ambiguous-stage';
import { portalContradictoryWrites } from '../../../lib/audit/rules/portal-contradictory-writes';
import { portalHandoffRejected } from '../../../lib/audit/rules/portal-handoff-rejected';
import { portalOverlappingEmail } from '../../../lib/audit/rules/portal-overlapping-email';
import { portalUntriggered } from '../../../lib/audit/rules/portal-untriggered';
import { contractSchema } from '../../../lib/contracts/schema';
import { NOW, auditInput, check, listBased, nativeFlow, orOfAnd, propertyFilter, sendEmail, setProperty } from './audit-fixtures';

const when = (property: string, ...values: string[]) => listBased(orOfAnd(propertyFilter(property, 'IS_ANY_OF', values)));
const contract = (over: Record<string, unknown>): AuditContract => {
  const c = contractSchema.parse({
    contract: 1, key: 'c1', name: 'Contract one', object: 'contact',
    docs: { purpose: 'p', owner: 'o', businessEvent: 'b' },
    trigger: { event: 'property_changed', property: 'lifecyclestage', to: 'lead' },
    entry: { filter: { always: true } },
    steps: [{ id: 's', action: 'send_email', with: { template: 't' }, next: 'done', onFailure: 'done' }],
    exits: [{ id: 'done', outcome: 'success', effects: [] }],
    ...over,
  });
  return { key: c.key, name: c.name, status: 'live', version: 1, contract: c };
};
const subjects = (findings: { subject: { id: string } }[]) => findings.map((f) => f.subject.id);

describe('portal- rules across native workflows and contracts', () => {
  it('portal-contradictory-writes: overlapping entries, different values; quiet when entries exclude each other', () => {
    const a = nativeFlow({ id: '1', name: 'A', enrollmentCriteria: when('lifecyclestage', 'lead'), actions: [setProperty('1', 'hs_lead_status', 'OPEN')] });
    const b = nativeFlow({ id: '2', name: 'B', enrollmentCriteria: when('country', 'IE'), actions: [setProperty('1', 'hs_lead_status', 'IN_PROGRESS')] });
    const c = nativeFlow({ id: '3', name: 'C', enrollmentCriteria: when('lifecyclestage', 'customer'), actions: [setProperty('1', 'hs_lead_status', 'CONNECTED')] });
    expect(check(portalContradictoryWrites, auditInput({ rawFlows: [a, b] }))).toMatchObject([{ subject: { id: '1' }, fingerprint: 'portal-contradictory-writes:workflow:1:hs_lead_status' }]);
    expect(check(portalContradictoryWrites, auditInput({ rawFlows: [a, c] }))).toEqual([]);
    // Same value is no contradiction.
    const same = nativeFlow({ id: '4', name: 'D', enrollmentCriteria: when('country', 'IE'), actions: [setProperty('1', 'hs_lead_status', 'OPEN')] });
    expect(check(portalContradictoryWrites, auditInput({ rawFlows: [a, same] }))).toEqual([]);
  });

  it('portal-overlapping-email: a native workflow and a contract mail on the same change; a guarded workflow does not', () => {
    const mailer = nativeFlow({ id: '1', name: 'Welcome', enrollmentCriteria: when('lifecyclestage', 'lead'), actions: [sendEmail('1', '9')] });
    const input = auditInput({ rawFlows: [mailer], contracts: [contract({ entry: { filter: { always: true }, lanes: ['outreach'] } })] });
    expect(check(portalOverlappingEmail, input)).toMatchObject([{ subject: { id: '1' }, message: expect.stringContaining('"Contract one"') }]);
    const guarded = nativeFlow({ id: '1', name: 'Welcome', enrollmentCriteria: when('lifecyclestage', 'lead'),
      actions: [{ type: 'SINGLE_CONNECTION', actionId: '0', actionTypeId: '1-777', fields: { lane: 'outreach', actionUrl: 'https://app.waymark.example/api/hubspot/actions/check-entry' }, connection: { edgeType: 'STANDARD', nextActionId: '1' } }, sendEmail('1', '9')],
      extra: { startActionId: '0' } });
    expect(check(portalOverlappingEmail, { ...input, flows: auditInput({ rawFlows: [guarded] }).flows })).toEqual([]);
  });

  it('portal-handoff-rejected: "Run a Waymark contract" into a contract whose entry refuses the record', () => {
    const runs = (stage: string) => nativeFlow({ id: '5', name: 'Hand over', enrollmentCriteria: when('lifecyclestage', stage),
      actions: [{ type: 'SINGLE_CONNECTION', actionId: '1', actionTypeId: '1-778', fields: { contract: 'nurture', marker: 'waymark_run_contract' } }] });
    const target = contract({ key: 'nurture', name: 'Nurture', trigger: { event: 'handoff' }, entry: { filter: { property: 'lifecyclestage', eq: 'lead' } } });
    expect(check(portalHandoffRejected, auditInput({ rawFlows: [runs('customer')], contracts: [target] }))).toMatchObject([{ severity: 'error', subject: { id: '5' } }]);
    expect(check(portalHandoffRejected, auditInput({ rawFlows: [runs('lead')], contracts: [target] }))).toEqual([]);
  });

  it('portal-ambiguous-stage and the stage map: two owners of lifecyclestage lead; one owner is clean', () => {
    const stages = [{ property: 'lifecyclestage', objectType: 'contact', order: ['subscriber', 'lead', 'marketingqualifiedlead'] }];
    const welcome = nativeFlow({ id: '1', name: 'Welcome', enrollmentCriteria: when('lifecyclestage', 'lead'), actions: [setProperty('1', 'lifecyclestage', 'marketingqualifiedlead')] });
    const input = auditInput({ rawFlows: [welcome], contracts: [contract({})], stages });
    expect(check(portalAmbiguousStage, input)).toMatchObject([{ subject: { kind: 'stage', id: 'lifecyclestage:lead' } }]);
    const map = buildStageMap(stages, buildAuditContext(input, { now: NOW }).paths);
    expect(map[0]?.values.find((v) => v.value === 'lead')?.ownedBy.map((s) => s.id)).toEqual(['1', 'c1']);
    expect(map[0]?.values.find((v) => v.value === 'marketingqualifiedlead')?.enteredBy.map((s) => s.id)).toEqual(['1']);
    expect(check(portalAmbiguousStage, auditInput({ rawFlows: [welcome], stages }))).toEqual([]);
  });

  it('portal-untriggered: a start property nothing writes (forms known), and no enrolment in 30 days', () => {
    const flow = nativeFlow({ id: '1', name: 'Quiet', enrollmentCriteria: when('favourite_colour', 'blue'), actions: [setProperty('1', 'x', 'y')] });
    expect(subjects(check(portalUntriggered, auditInput({ rawFlows: [flow], forms: [] })))).toEqual(['1']);
    expect(check(portalUntriggered, auditInput({ rawFlows: [flow], forms: [{ properties: ['favourite_colour'] }] }))).toEqual([]);
    const runtime = (at: string) => ({ contracts: {}, flows: { '1': { lastEnrolledAt: at } } });
    expect(check(portalUntriggered, auditInput({ rawFlows: [flow], runtime: runtime('2026-10-01T00:00:00Z') }))).toMatchObject([{ fingerprint: 'portal-untriggered:workflow:1:quiet' }]);
    expect(check(portalUntriggered, auditInput({ rawFlows: [flow], runtime: runtime('2026-11-20T00:00:00Z') }))).toEqual([]);
  });
});

describe('portal- rules keep evidence bounded', () => {
  it('eight workflows writing one property: five partners shown, the rest counted', () => {
    const writers = Array.from({ length: 8 }, (_, i) => nativeFlow({ id: String(i + 1), name: `W${i + 1}`, enrollmentCriteria: when('country', 'IE'), actions: [setProperty('1', 'hs_lead_status', `V${i}`)] }));
    const [first] = check(portalContradictoryWrites, auditInput({ rawFlows: writers }));
    expect(first?.message).toContain('7 other path(s)');
    expect(first?.evidence).toHaveLength(1 + 5 + 1);
    expect(first?.evidence.at(-1)).toBe('… and 2 more path(s)');
    const mailers = writers.map((w) => ({ ...w, actions: [sendEmail('1', '9')] }));
    const [mail] = check(portalOverlappingEmail, auditInput({ rawFlows: mailers }));
    expect(mail?.message).toMatch(/^"W1" and "W2", "W3", "W4" and 4 others can start/);
    expect(mail?.evidence).toHaveLength(1 + 5 + 1);
  });
});
