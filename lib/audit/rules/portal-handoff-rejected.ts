import { contradicts, type Requirement } from '../../contracts/lint/condition-logic';
import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import type { AuditPath } from '../audit-paths';
import { flowSubject } from '../subjects';
import { runContractKey } from '../waymark-actions';

const FLOW_KEY = /^flow_?id$/i;

/** What a record looks like when the source hands it over: its entry, with its own writes applied. */
function handedOver(source: AuditPath): Map<string, Requirement> {
  const out = new Map(source.requires);
  for (const w of source.writes) if (w.value !== undefined) out.set(w.property, { eq: w.value, neq: [], gte: [] });
  return out;
}

/** A native workflow hands records (enrol in workflow, "Run a Waymark contract") to a path whose entry refuses them. */
export const portalHandoffRejected = {
  id: 'portal-handoff-rejected',
  title: 'Handoff into a path whose entry refuses the record',
  severity: 'error',
  scope: 'portal',
  rationale: 'A handoff whose target refuses every record it receives silently ends the journey.',
  docs: 'Change the target\'s entry criteria, or what the source sets before it hands off.',
  check: ({ paths, input }) => {
    const byId = new Map(paths.map((p) => [`${p.subject.kind}:${p.subject.id}`, p]));
    const findings: AuditRuleFinding[] = [];
    for (const source of paths) {
      const g = source.native;
      if (!g) continue;
      for (const node of g.nodes.values()) {
        if (!g.reachable.has(node.id)) continue;
        const key = runContractKey(node.action);
        const flowId = Object.entries(node.action.fields ?? {}).find(([k]) => FLOW_KEY.test(k))?.[1];
        const targetRef = key ? `contract:${key}` : flowId !== undefined ? `workflow:${String(flowId)}` : undefined;
        if (!targetRef) continue;
        const target = byId.get(targetRef);
        if (!target) {
          if (key && !input.contracts.some((c) => c.key === key)) {
            findings.push({ subject: flowSubject(g.flow), key: node.id, message: `Action ${node.id} of "${g.flow.name}" runs contract '${key}', which does not exist in this portal.`, evidence: [`action ${node.id} runs contract ${key}`], fix: `Publish '${key}' or point the action at an existing contract.` });
          }
          continue; // a disabled target flow is native-disabled-but-targeted's finding
        }
        const over = handedOver(source);
        const refused = [...target.requires].filter(([property, req]) => { const mine = over.get(property); return mine !== undefined && contradicts(mine, req); });
        if (refused.length === 0) continue;
        findings.push({
          subject: flowSubject(g.flow),
          key: node.id,
          message: `Action ${node.id} of "${g.flow.name}" hands records to "${target.subject.name}", whose entry refuses them (${refused.map(([p]) => p).join(', ')}).`,
          evidence: refused.map(([p, req]) => `records arrive with ${p} ${JSON.stringify(over.get(p)?.eq ?? over.get(p)?.in ?? '?')}; the target requires ${JSON.stringify(req.eq ?? req.in ?? req)}`),
          fix: `Change the entry of "${target.subject.name}" or what "${g.flow.name}" sets before the handoff.`,
        });
      }
    }
    return findings;
  },
} as const satisfies AuditRule;
