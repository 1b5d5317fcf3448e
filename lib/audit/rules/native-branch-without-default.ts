import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** An if/then branch with no default path drops every record that matches none of its branches. */
export const nativeBranchWithoutDefault = {
  id: 'native-branch-without-default',
  title: 'Branch without a default path',
  severity: 'warning',
  scope: 'native',
  rationale: 'Records that match none of the branches leave the workflow silently at the branch, with nothing recorded.',
  docs: 'Add a default ("None met") branch that does something deliberate.',
  check: ({ enabled }) =>
    enabled.flatMap((g) =>
      [...g.nodes.values()]
        .filter((n) => g.reachable.has(n.id) && (n.action.listBranches || n.action.staticBranches) && !n.action.defaultBranch)
        .map((n) => {
          const arms = (n.action.listBranches ?? []).map((b) => b.branchName ?? '(unnamed)')
            .concat((n.action.staticBranches ?? []).map((b) => String(b.branchValue ?? '(unnamed)')));
          return {
            subject: flowSubject(g.flow),
            key: n.id,
            message: `Branch action ${n.id} of "${g.flow.name}" has no default path: records matching none of ${arms.map((a) => `"${a}"`).join(', ')} stop there.`,
            evidence: [`action ${n.id} ${n.action.type ?? 'branch'}: ${arms.length} branches, defaultBranch missing`],
            fix: `Add a default branch to action ${n.id} (for example a task for the owner or a property that marks the record).`,
          };
        }),
    ),
} as const satisfies AuditRule;
