import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';
import type { NativeGraph, NativeNodeKind } from '../native-graph';

/** Kinds that leave something readable on the record about where it stands. */
const STATE_KINDS: ReadonlySet<NativeNodeKind> = new Set(['set-property', 'list', 'create-record', 'declare-exit']);

/** Terminal actions reachable from the start along a path that never set any state. */
function statelessEnds(g: NativeGraph): string[] {
  const seen = new Set<string>();
  const ends: string[] = [];
  const stack = g.start !== undefined && g.nodes.has(g.start) ? [g.start] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = g.nodes.get(id)!;
    if (STATE_KINDS.has(node.kind)) continue;
    const next = node.out.filter((e) => g.nodes.has(e.to));
    if (next.length === 0 || (node.kind === 'branch' && !node.action.defaultBranch && !node.action.testBranches)) ends.push(id);
    for (const edge of next) stack.push(edge.to);
  }
  return ends.sort();
}

/** A path that ends without setting any property, list or exit state: nobody can tell afterwards how it ended. */
export const nativePathWithoutState = {
  id: 'native-path-without-state',
  title: 'A path ends without setting any state',
  severity: 'info',
  scope: 'native',
  rationale: 'When a path ends without writing a property, a list or an exit state, reports and other workflows cannot tell where the record ended.',
  docs: 'End each path by setting a property (or "Declare exit state") that says how it ended.',
  check: ({ enabled }) =>
    enabled.flatMap((g) => {
      const ends = statelessEnds(g);
      if (ends.length === 0) return [];
      return [{
        subject: flowSubject(g.flow),
        message: `"${g.flow.name}" has ${ends.length === 1 ? 'a path' : `${ends.length} paths`} that end without setting any state on the record.`,
        evidence: ends.map((id) => `path ends at action ${id} (${g.nodes.get(id)?.kind ?? 'unknown'}) with no property, list or exit state set on the way`),
        fix: 'Set a property (for example lead status) or add "Declare exit state" at the end of the path.',
      }];
    }),
} as const satisfies AuditRule;
