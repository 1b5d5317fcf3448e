/**
 * Portal rule `handoff-rejected`: a handoff whose target's entry filter can never accept what the
 * handing-off exit leaves behind. Conservative: the filter is evaluated three-valued against only
 * what is certain at the handoff (values the exit's earlier effects wrote, the ended run no longer
 * counting, the run that just completed), so only a provably impossible handoff is reported.
 */
import type { Scalar } from '../condition-schema';
import type { Handoff } from '../lint/contract-facts';
import { evaluate, type KnownFacts, type Truth } from '../lint/condition-logic';
import type { PortalContract } from '../lint/portal-index';
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { toPointer } from '../json-pointer';

export const handoffRejected = {
  scope: 'portal',
  id: 'handoff-rejected',
  title: 'Handoff the target always rejects',
  severity: 'error',
  rationale: 'A handoff into a contract whose entry filter refuses the record silently ends the journey.',
  docs: ruleDocs('handoff-rejected'),
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const source of index.contracts) {
      for (const handoff of source.facts.handoffs) {
        const target = index.byKey.get(handoff.target);
        if (!target) continue;
        const reason = rejection(source, target, handoff);
        if (reason) findings.push({ contract: source.key, path: handoff.pointer, message: `hands off to '${target.key}', which always rejects the record: ${reason}` });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;

function rejection(source: PortalContract, target: PortalContract, handoff: Handoff): string | undefined {
  const sourceObject = source.draft.object ?? 'contact';
  const targetObject = target.draft.object ?? 'contact';
  if (sourceObject !== targetObject) return `it runs on ${targetObject} records, this contract on ${sourceObject} records`;
  const active = handoff.from.kind === 'step';
  if (active && target.key !== source.key) {
    const shared = target.facts.lanes.find((lane) => source.facts.lanes.includes(lane));
    const preempts = target.draft.entry?.onLaneBusy === 'preempt' && (target.draft.entry.priority ?? 0) > (source.draft.entry?.priority ?? 0);
    if (shared && !preempts) return `this run still holds lane '${shared}' when the step hands off, and '${target.key}' needs it`;
  }
  const filter = target.draft.entry?.filter;
  if (!filter) return undefined;
  const result = evaluate(filter, knownFacts(source, target, handoff));
  if (result.truth !== false) return undefined;
  const where = toPointer(['entry', 'filter', ...result.path]);
  const from = handoff.from;
  return from.kind === 'step'
    ? `its entry filter (${where}) is false while this run is still active`
    : `its entry filter (${where}) is false for what exit '${from.exitId ?? '?'}' leaves behind`;
}

function knownFacts(source: PortalContract, target: PortalContract, handoff: Handoff): KnownFacts {
  const properties = new Map<string, Scalar>();
  const from = handoff.from;
  if (from.kind === 'exit') {
    for (const effect of from.before) {
      const input = effect.with as Record<string, Scalar> | undefined;
      if (effect.action === 'set_stage' && input?.value !== undefined) properties.set(source.facts.stageProperty, input.value);
      if (effect.action === 'set_property' && input?.value !== undefined && typeof input.property === 'string') {
        properties.set(input.property, input.value);
      }
    }
  }
  const active = from.kind === 'step';
  return {
    properties,
    stageProperty: target.facts.stageProperty,
    // An exit ends the run and releases its lanes before effects run; a step hands off mid-run.
    inContract: (key): Truth => (key === source.key ? active : active && key === 'any' ? true : 'unknown'),
    inLane: (lane): Truth => (active && source.facts.lanes.includes(lane) ? true : 'unknown'),
    completed: (key, exit): Truth =>
      !active && key === source.key && (exit === undefined || (from.kind === 'exit' && exit === from.exitId)) ? true : 'unknown',
  };
}
