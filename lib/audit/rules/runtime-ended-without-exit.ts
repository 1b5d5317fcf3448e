import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import { contractRuntime, examples } from '../runtime-facts';

const FIX = 'Report the run ids to the Waymark team; their decision log shows where they stopped.';

/**
 * A run that ended without a recorded exit: must never happen (the state store's check
 * constraint forbids it), so the rule's silence is the proof. Counted per contract, or
 * portal-wide when that is all the store knows.
 */
export const runtimeEndedWithoutExit = {
  id: 'runtime-ended-without-exit',
  title: 'Ended without a recorded exit',
  severity: 'error',
  scope: 'runtime',
  rationale: 'Every run must end in a named exit; one that did not breaks the promise that every record can say where it stands.',
  docs: 'Report it to the Waymark team with the run ids; the decision log shows the last step.',
  check: (context) => {
    const findings: AuditRuleFinding[] = contractRuntime(context).flatMap(({ subject, facts }) =>
      facts.endedWithoutExit.count === 0 ? [] : [{
        subject,
        message: `${facts.endedWithoutExit.count} run(s) of "${subject.name}" ended without a recorded exit.`,
        evidence: [`runs: ${examples(facts.endedWithoutExit.examples, facts.endedWithoutExit.count)}`],
        fix: FIX,
      }]);
    const portal = context.input.runtime.endedWithoutExit;
    if (portal && portal.count > 0) {
      const { portalId } = context.input;
      findings.push({
        subject: { kind: 'portal', id: portalId, name: `Portal ${portalId}` },
        message: `${portal.count} run(s) in the portal ended without a recorded exit.`,
        evidence: [portal.examples.length ? `runs: ${examples(portal.examples, portal.count)}` : `${portal.count} exited run(s) with no exit id`],
        fix: FIX,
      });
    }
    return findings;
  },
} as const satisfies AuditRule;
