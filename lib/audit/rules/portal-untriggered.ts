import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import { flowSubject } from '../subjects';

const QUIET_DAYS = 30;
const DAY_MS = 86_400_000;
/** Properties HubSpot itself or its tools maintain: "nothing writes it" would be wrong. */
const HUBSPOT_MAINTAINED = /^(hs_|lifecyclestage$|dealstage$|createdate$|closedate$|email$|firstname$|lastname$|num_employees$|last_meeting_outcome$|notes_|num_)/;

/**
 * A workflow whose start property nothing in the portal writes (no workflow, no contract, no
 * known form; judged only when the app knows the portal's forms), or an enabled workflow that
 * enrolled nobody in 30 days (when flow enrolment times are known). Contracts: runtime-zombie.
 */
export const portalUntriggered = {
  id: 'portal-untriggered',
  title: 'Untriggered workflow',
  severity: 'warning',
  scope: 'portal',
  rationale: 'A workflow nothing can start, or that has not started in a month, gives false confidence that a process is automated.',
  docs: 'Check the trigger property and who should write it; turn off what is no longer needed.',
  check: ({ input, paths, now }) => {
    const findings: AuditRuleFinding[] = [];
    const written = new Set(paths.flatMap((p) => p.writes.map((w) => w.property)));
    for (const form of input.forms ?? []) for (const p of form.properties) written.add(p);
    for (const path of paths) {
      const g = path.native;
      if (!g) continue;
      if (input.forms) {
        const silent = [...path.startsOn].filter((p) => p !== '*' && !written.has(p) && !HUBSPOT_MAINTAINED.test(p));
        if (silent.length > 0 && silent.length === path.startsOn.size) {
          findings.push({ subject: flowSubject(g.flow), key: 'nothing-writes', message: `"${g.flow.name}" starts on ${silent.join(', ')}, which no workflow, contract or form in the portal writes.`, evidence: silent.map((p) => `nothing writes ${p}`), fix: `Check who should set ${silent.join(', ')}, or turn the workflow off.` });
        }
      }
      const enrolled = input.runtime.flows?.[g.flow.id];
      const created = g.flow.createdAt ? Date.parse(g.flow.createdAt) : NaN;
      const last = enrolled?.lastEnrolledAt ? Date.parse(enrolled.lastEnrolledAt) : undefined;
      const quietSince = last ?? (Number.isFinite(created) ? created : undefined);
      if (enrolled && quietSince !== undefined && now.getTime() - quietSince > QUIET_DAYS * DAY_MS) {
        findings.push({ subject: flowSubject(g.flow), key: 'quiet', message: `"${g.flow.name}" is on but has enrolled nobody in ${QUIET_DAYS} days.`, evidence: [`last enrolment: ${enrolled.lastEnrolledAt ?? 'never'}`], fix: 'Check its trigger still matches how records change, or turn it off.' });
      }
    }
    return findings;
  },
} as const satisfies AuditRule;
