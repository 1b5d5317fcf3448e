/**
 * Native workflows of the demo portal, in Automation v4 shape. "Deal won: onboarding task" is
 * sound (and disabled); the others carry the flaws Waymark's audit must find, and exactly these
 * (tests/integration/audit/seeded-portal-audit.test.ts states the list):
 * - "Re-engage everyone" has an enrollment filter with no conditions (enrolls every contact),
 *   re-enrols with no suppression, goal or unenrolment, emails with no goal, sets nothing, and
 *   so overlaps every other path that sends email;
 * - "Route MQLs by company size" has a list branch with no default branch, and its paths end
 *   with a task but no state on the record;
 * - "Nurture: wait a week" delays 7 days and has no goal (no `goalFilterBranch`), so it never
 *   exits early, and sets nothing;
 * - "Lead status: working", "Lead status: no-show follow-up", "New lead welcome" and Waymark's
 *   "Re-engage through Waymark nurture" all write `hs_lead_status` for records that can be in
 *   several at once (the last write wins);
 * - "New lead welcome" starts on lifecycle stage 'lead' like the demo contract new-lead-follow-up,
 *   and both send email (ambiguous stage, overlapping email);
 * - none of them has a description (Waymark's worked examples in demo-action-flows.ts have one).
 */
import { createTask, delay, flow, listBased, orOfAnd, propertyFilter, sendEmail, setProperty } from './flow-builders';

export function demoFlows(now: number): ReturnType<typeof flow>[] {
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  return [
    flow({
      id: '585051946', name: 'New lead welcome', objectTypeId: '0-1', isEnabled: true, createdAt: at(120), updatedAt: at(30),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', ['lead']))),
      actions: [sendEmail('1', '110001', '2'), delay('2', 1440, '3'), setProperty('3', 'hs_lead_status', 'OPEN')],
      extra: { goalFilterBranch: orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['CONNECTED'])) },
    }),
    flow({
      id: '585051947', name: 'Re-engage everyone', objectTypeId: '0-1', isEnabled: true, createdAt: at(200), updatedAt: at(90),
      enrollmentCriteria: listBased(orOfAnd(), true),
      actions: [sendEmail('1', '110002')],
    }),
    flow({
      id: '585051948', name: 'Route MQLs by company size', objectTypeId: '0-1', isEnabled: true, createdAt: at(60), updatedAt: at(10),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', ['marketingqualifiedlead']))),
      actions: [
        {
          type: 'LIST_BRANCH', actionId: '1',
          listBranches: [
            { branchName: 'Enterprise', filterBranch: orOfAnd(propertyFilter('num_employees', 'IS_GREATER_THAN_OR_EQUAL_TO', ['200'], 'NUMBER')), connection: { edgeType: 'STANDARD', nextActionId: '2' } },
            { branchName: 'Mid-market', filterBranch: orOfAnd(propertyFilter('num_employees', 'IS_BETWEEN', ['50', '199'], 'NUMBER')), connection: { edgeType: 'STANDARD', nextActionId: '3' } },
          ],
        },
        createTask('2', 'Enterprise MQL: book discovery call'),
        createTask('3', 'Mid-market MQL: send case study'),
      ],
    }),
    flow({
      id: '585051949', name: 'Nurture: wait a week', objectTypeId: '0-1', isEnabled: true, createdAt: at(45), updatedAt: at(45),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['BAD_TIMING']))),
      actions: [delay('1', 10_080, '2'), sendEmail('2', '110003')],
    }),
    flow({
      id: '585051950', name: 'Lead status: working', objectTypeId: '0-1', isEnabled: true, createdAt: at(300), updatedAt: at(20),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('last_meeting_outcome', 'IS_ANY_OF', ['SCHEDULED']))),
      actions: [setProperty('1', 'hs_lead_status', 'IN_PROGRESS')],
    }),
    flow({
      id: '585051951', name: 'Lead status: no-show follow-up', objectTypeId: '0-1', isEnabled: true, createdAt: at(25), updatedAt: at(5),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('last_meeting_outcome', 'IS_ANY_OF', ['NO_SHOW']))),
      actions: [setProperty('1', 'hs_lead_status', 'ATTEMPTED_TO_CONTACT', '2'), createTask('2', 'Call the no-show')],
    }),
    flow({
      id: '585051952', name: 'Deal won: onboarding task', objectTypeId: '0-3', isEnabled: false, createdAt: at(400), updatedAt: at(150),
      enrollmentCriteria: listBased(orOfAnd(propertyFilter('dealstage', 'IS_ANY_OF', ['closedwon']))),
      actions: [createTask('1', 'Kick off onboarding')],
    }),
  ];
}
