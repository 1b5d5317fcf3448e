import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import { entriesOverlap, startTogether, waymarkSeparates } from '../audit-paths';
import { boundedEvidence, namesOf } from '../evidence';

/** Two paths (at least one native) that start on the same change for the same records and both send email. */
export const portalOverlappingEmail = {
  id: 'portal-overlapping-email',
  title: 'Overlapping entry that sends email in both',
  severity: 'warning',
  scope: 'portal',
  rationale: 'When two workflows start for the same record on the same change and both send email, the person gets two emails for one event.',
  docs: 'Make one path exclusive of the other (suppression, a shared lane through "Check Waymark entry"), or merge them.',
  check: ({ paths }) => {
    const mailers = paths.filter((p) => p.sendsEmail && !p.aimed);
    const findings: AuditRuleFinding[] = [];
    mailers.forEach((a, i) => {
      const partners = mailers.slice(i + 1).filter((b) => (a.native || b.native) && !waymarkSeparates(a, b) && startTogether(a, b) && entriesOverlap(a, b));
      if (partners.length === 0) return;
      findings.push({
        subject: a.subject,
        message: `"${a.subject.name}" and ${namesOf(partners.map((b) => `"${b.subject.name}"`))} can start for the same record on the same change, and all send email.`,
        evidence: [
          `${a.subject.kind} ${a.subject.id} starts on ${[...a.startsOn].join(', ').replace('*', 'any record')}`,
          ...boundedEvidence(partners.map((b) => `${b.subject.kind} ${b.subject.id} ("${b.subject.name}") starts on ${[...b.startsOn].join(', ').replace('*', 'any record')} and sends email`)),
        ],
        fix: 'Add "Check Waymark entry" with a shared lane, a suppression list, or exclusive enrolment criteria, so a record receives one of the emails.',
      });
    });
    return findings;
  },
} as const satisfies AuditRule;
