import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** A workflow nobody described is one nobody can safely change. */
export const nativeNoDescription = {
  id: 'native-no-description',
  title: 'No description',
  severity: 'info',
  scope: 'native',
  rationale: 'Without a description, the next person cannot tell what the workflow is for or who owns it.',
  docs: 'Write a description: what the workflow is for, who owns it, when it should end.',
  check: ({ enabled }) =>
    enabled
      .filter((g) => !g.flow.description?.trim())
      .map((g) => ({
        subject: flowSubject(g.flow),
        message: `"${g.flow.name}" has no description.`,
        evidence: ['description is empty'],
        fix: 'Describe what the workflow is for, who owns it and when a record should leave it.',
      })),
} as const satisfies AuditRule;
