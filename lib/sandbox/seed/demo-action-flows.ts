/**
 * Two native workflows of the demo portal that use Waymark's custom actions (issue #13), the
 * worked example of docs/hubspot-workflow-actions.md:
 * - "Outreach call: check Waymark first" asks "Check Waymark entry" for the `outreach` lane and
 *   branches on `allowed`: a task for the rep when the lane is free, a declared exit otherwise;
 * - "Re-engage through Waymark nurture" runs the `long-term-nurture` contract, waits for its exit
 *   and branches on `exitId`.
 * Both declare exit states ("Declare exit state"), so the audit counts them as guarded / having exits.
 */
import { actionTypeIdOf } from '../workflows/action-definitions';
import { createTask, flow, listBased, orOfAnd, propertyFilter, setProperty } from './flow-builders';

type Json = Record<string, unknown>;
const to = (nextActionId: string) => ({ edgeType: 'STANDARD', nextActionId });

/** A Waymark custom action in a v4 flow (`actionTypeId` "1-<definition id>"). */
export const waymarkAction = (actionId: string, uid: string, fields: Record<string, string>, then?: string): Json => ({
  type: 'SINGLE_CONNECTION', actionId, actionTypeId: actionTypeIdOf(uid), actionTypeVersion: 0, fields, ...(then ? { connection: to(then) } : {}),
});

/** Branch on an earlier action's output field (v4 `STATIC_BRANCH`). */
export const branchOn = (actionId: string, from: string, dataKey: string, branches: Record<string, string>, otherwise: string): Json => ({
  type: 'STATIC_BRANCH', actionId,
  inputValue: { type: 'FIELD_DATA', actionId: from, dataKey },
  staticBranches: Object.entries(branches).map(([branchValue, next]) => ({ branchValue, connection: to(next) })),
  defaultBranchName: 'None met', defaultBranch: to(otherwise),
});

export const CHECK_ENTRY_FLOW_ID = '585051953';
export const RUN_CONTRACT_FLOW_ID = '585051954';

export function demoActionFlows(now: number): ReturnType<typeof flow>[] {
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  return [
    flow({
      id: CHECK_ENTRY_FLOW_ID, name: 'Outreach call: check Waymark first', objectTypeId: '0-1', isEnabled: true, createdAt: at(14), updatedAt: at(2),
      extra: { description: 'Open leads get a call task, unless Waymark says the outreach lane is busy. Owner: RevOps.' },
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['OPEN']))),
      actions: [
        waymarkAction('1', 'waymark_check_entry', { lane: 'outreach' }, '2'),
        branchOn('2', '1', 'allowed', { true: '3' }, '5'),
        createTask('3', 'Call the lead (Waymark: outreach lane free)', '4'),
        waymarkAction('4', 'waymark_declare_exit', { workflowExit: 'call-scheduled' }),
        waymarkAction('5', 'waymark_declare_exit', { workflowExit: 'skipped-lane-busy' }),
      ],
    }),
    flow({
      id: RUN_CONTRACT_FLOW_ID, name: 'Re-engage through Waymark nurture', objectTypeId: '0-1', isEnabled: true, createdAt: at(10), updatedAt: at(1),
      extra: { description: 'Unqualified leads go through the long-term-nurture contract and come back as open when they engage. Owner: RevOps.' },
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['UNQUALIFIED']))),
      actions: [
        waymarkAction('1', 'waymark_run_contract', { contract: 'long-term-nurture' }, '2'),
        branchOn('2', '1', 'exitId', { 'exit-engaged': '3', 'not-entered': '4' }, '5'),
        setProperty('3', 'hs_lead_status', 'OPEN', '5'),
        createTask('4', 'Waymark did not take this contact into nurture: review why', '5'),
        waymarkAction('5', 'waymark_declare_exit', { workflowExit: 're-engage-finished' }),
      ],
    }),
  ];
}
