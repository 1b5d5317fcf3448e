import type { AuditRule } from '../audit-rule';
import { contractRuntime, examples } from '../runtime-facts';

/** Stage writes the runtime refused under the contract's stage policy. */
export const runtimeStageWritesRefused = {
  id: 'runtime-stage-writes-refused',
  title: 'Stage writes refused',
  severity: 'warning',
  scope: 'runtime',
  rationale: 'A refused stage write means the contract tried to move records backwards: its exits disagree with where records really are.',
  docs: 'Read the refused writes in the decision log; change the exit\'s stage or the entry filter.',
  check: (context) =>
    contractRuntime(context).flatMap(({ subject, facts }) =>
      facts.stageWritesRefused.count === 0 ? [] : [{
        subject,
        message: `The stage policy refused ${facts.stageWritesRefused.count} stage write(s) of "${subject.name}".`,
        evidence: [`refused: ${examples(facts.stageWritesRefused.examples, facts.stageWritesRefused.count)}`],
        fix: 'Change the exit\'s stage (or narrow the entry) so it never moves records backwards.',
      }]),
} as const satisfies AuditRule;
