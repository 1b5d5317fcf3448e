import { describe, expect, it } from 'vitest';
import { nativeBranchWithoutDefault } from '../../../lib/audit/rules/native-branch-without-default';
import { nativeDelayAtEnd } from '../../../lib/audit/rules/native-delay-at-end';
import { nativeDisabledButTargeted } from '../../../lib/audit/rules/native-disabled-but-targeted';
import { nativeEmailWithoutExit } from '../../../lib/audit/rules/native-email-without-exit';
import { nativeEnrolmentWithoutConditions } from '../../../lib/audit/rules/native-enrolment-without-conditions';
import { nativeNoDescription } from '../../../lib/audit/rules/native-no-description';
import { nativePathWithoutState } from '../../../lib/audit/rules/native-path-without-state';
import { nativeReenrolmentUnguarded } from '../../../lib/audit/rules/native-reenrolment-unguarded';
import { nativeStageRegression } from '../../../lib/audit/rules/native-stage-regression';
import { nativeUnreachableAction } from '../../../lib/audit/rules/native-unreachable-action';
import { auditInput, check, createTask, delay, listBased, nativeFlow, orOfAnd, propertyFilter, sendEmail, setProperty } from './audit-fixtures';

const lead = listBased(orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', ['lead'])));
const goal = { goalFilterBranch: orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['CONNECTED'])) };
const ids = (findings: { subject: { id: string } }[]) => findings.map((f) => f.subject.id);
const one = (raw: Record<string, unknown>, extra = {}) => auditInput({ rawFlows: [raw], ...extra });

const branch = (withDefault: boolean) => ({
  type: 'LIST_BRANCH', actionId: '1',
  listBranches: [{ branchName: 'Big', filterBranch: orOfAnd(propertyFilter('num_employees', 'IS_GREATER_THAN', ['200'], 'NUMBER')), connection: { edgeType: 'STANDARD', nextActionId: '2' } }],
  ...(withDefault ? { defaultBranchName: 'Other', defaultBranch: { edgeType: 'STANDARD', nextActionId: '3' } } : {}),
});

describe('native- rules: a violating and a clean HubSpot v4 fixture each', () => {
  it('native-enrolment-without-conditions', () => {
    const bad = check(nativeEnrolmentWithoutConditions, one(nativeFlow({ enrollmentCriteria: listBased(orOfAnd()), actions: [sendEmail('1', '5')] })));
    expect(bad).toMatchObject([{ rule: 'native-enrolment-without-conditions', severity: 'error', subject: { kind: 'workflow', id: '9001' } }]);
    expect(check(nativeEnrolmentWithoutConditions, one(nativeFlow({ enrollmentCriteria: lead, actions: [sendEmail('1', '5')] })))).toEqual([]);
    // A disabled workflow enrols nobody: not judged.
    expect(check(nativeEnrolmentWithoutConditions, one(nativeFlow({ isEnabled: false, enrollmentCriteria: listBased(orOfAnd()), actions: [] })))).toEqual([]);
  });

  it('native-reenrolment-unguarded', () => {
    const reenrol = listBased(orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', ['lead'])), true);
    expect(ids(check(nativeReenrolmentUnguarded, one(nativeFlow({ enrollmentCriteria: reenrol, actions: [setProperty('1', 'x', 'y')] }))))).toEqual(['9001']);
    expect(check(nativeReenrolmentUnguarded, one(nativeFlow({ enrollmentCriteria: reenrol, actions: [setProperty('1', 'x', 'y')], extra: { suppressionListIds: [42] } })))).toEqual([]);
    expect(check(nativeReenrolmentUnguarded, one(nativeFlow({ enrollmentCriteria: reenrol, actions: [setProperty('1', 'x', 'y')], extra: goal })))).toEqual([]);
  });

  it('native-email-without-exit', () => {
    const bad = check(nativeEmailWithoutExit, one(nativeFlow({ enrollmentCriteria: lead, actions: [delay('1', 60, '2'), sendEmail('2', '777')] })));
    expect(bad).toMatchObject([{ subject: { id: '9001' }, evidence: ['action 2 sends email 777'] }]);
    expect(check(nativeEmailWithoutExit, one(nativeFlow({ enrollmentCriteria: lead, actions: [sendEmail('1', '777')], extra: goal })))).toEqual([]);
    expect(check(nativeEmailWithoutExit, one(nativeFlow({ enrollmentCriteria: lead, actions: [sendEmail('1', '777')], extra: { unEnrollmentSetting: { type: 'ALL', flowIds: [] } } })))).toEqual([]);
  });

  it('native-path-without-state', () => {
    const bad = check(nativePathWithoutState, one(nativeFlow({ enrollmentCriteria: lead, actions: [branch(true), createTask('2', 'Call'), setProperty('3', 'hs_lead_status', 'OPEN')] })));
    expect(bad).toMatchObject([{ subject: { id: '9001' }, evidence: [expect.stringContaining('action 2 (task)')] }]);
    expect(check(nativePathWithoutState, one(nativeFlow({ enrollmentCriteria: lead, actions: [createTask('1', 'Call', '2'), setProperty('2', 'hs_lead_status', 'OPEN')] })))).toEqual([]);
  });

  it('native-unreachable-action', () => {
    const bad = check(nativeUnreachableAction, one(nativeFlow({ enrollmentCriteria: lead, actions: [setProperty('1', 'a', 'b'), createTask('2', 'Orphan')] })));
    expect(bad).toMatchObject([{ fingerprint: 'native-unreachable-action:workflow:9001:2' }]);
    expect(check(nativeUnreachableAction, one(nativeFlow({ enrollmentCriteria: lead, actions: [setProperty('1', 'a', 'b', '2'), createTask('2', 'Reached')] })))).toEqual([]);
  });

  it('native-branch-without-default', () => {
    const actions = (d: boolean) => [branch(d), createTask('2', 'Big'), createTask('3', 'Other')];
    expect(check(nativeBranchWithoutDefault, one(nativeFlow({ enrollmentCriteria: lead, actions: actions(false) })))).toMatchObject([{ message: expect.stringContaining('"Big"') }]);
    expect(check(nativeBranchWithoutDefault, one(nativeFlow({ enrollmentCriteria: lead, actions: actions(true) })))).toEqual([]);
  });

  it('native-delay-at-end', () => {
    expect(ids(check(nativeDelayAtEnd, one(nativeFlow({ enrollmentCriteria: lead, actions: [setProperty('1', 'a', 'b', '2'), delay('2', 1440)] }))))).toEqual(['9001']);
    expect(check(nativeDelayAtEnd, one(nativeFlow({ enrollmentCriteria: lead, actions: [delay('1', 1440, '2'), setProperty('2', 'a', 'b')] })))).toEqual([]);
  });

  it('native-no-description', () => {
    expect(ids(check(nativeNoDescription, one(nativeFlow({ enrollmentCriteria: lead, actions: [], extra: { description: '  ' } }))))).toEqual(['9001']);
    expect(check(nativeNoDescription, one(nativeFlow({ enrollmentCriteria: lead, actions: [] })))).toEqual([]);
  });

  it('native-disabled-but-targeted', () => {
    const target = nativeFlow({ id: '7', name: 'Off', isEnabled: false, enrollmentCriteria: lead, actions: [] });
    const sender = nativeFlow({ id: '8', name: 'Sender', enrollmentCriteria: lead, actions: [{ type: 'SINGLE_CONNECTION', actionId: '1', actionTypeId: '0-15', fields: { flow_id: '7' } }] });
    expect(check(nativeDisabledButTargeted, auditInput({ rawFlows: [target, sender] }))).toMatchObject([{ subject: { id: '7' }, evidence: ['targeted by workflow "Sender" (8) action 1'] }]);
    expect(check(nativeDisabledButTargeted, auditInput({ rawFlows: [target] }))).toEqual([]);
  });

  it('native-stage-regression', () => {
    const stages = [{ property: 'lifecyclestage', objectType: '0-1', order: ['subscriber', 'lead', 'marketingqualifiedlead', 'customer'] }];
    const entry = listBased(orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', ['customer'])));
    const bad = check(nativeStageRegression, one(nativeFlow({ enrollmentCriteria: entry, actions: [setProperty('1', 'lifecyclestage', 'lead')] }), { stages }));
    expect(bad).toMatchObject([{ severity: 'error', subject: { id: '9001' }, message: expect.stringContaining("'lead'") }]);
    const clean = nativeFlow({ enrollmentCriteria: lead, actions: [setProperty('1', 'lifecyclestage', 'marketingqualifiedlead')] });
    expect(check(nativeStageRegression, one(clean, { stages }))).toEqual([]);
  });
});
