/**
 * The docs page of a contract: purpose, owner, trigger, entry rules, every step and exit in words,
 * and the Mermaid flowchart. This is the "documentation preserves the logic" promise: it is
 * generated from the contract itself, so it cannot drift; the editor and the audit report reuse it.
 */
import type { ContractDraft, ExitDraft, SignalDraft, StepDraft } from '../draft';
import { buildGraph } from '../lint/graph';
import { PREEMPTED_EXIT } from '../schema';
import { describeAction, describeCondition, describeDuration, describeSignal, describeTrigger } from './describe';
import { renderMermaid } from './render-mermaid';

const ref = (id: string | undefined) => (id === undefined ? '*(missing)*' : `**${id}**`);

function describeStep(step: StepDraft, stageProperty: string): string {
  switch (step.kind) {
    case 'wait':
      return `Wait ${describeDuration(step.wait)}${step.businessHours ? ', counting business hours only' : ''}, then go to ${ref(step.next)}.`;
    case 'action':
      return `${capitalize(describeAction(step))}, then go to ${ref(step.next)}. If it fails for good, go to ${ref(step.onFailure)}.`;
    case 'branch': {
      const arms = (step.branch ?? []).map((arm) => `if ${describeCondition(arm.when, stageProperty)}, go to ${ref(arm.next)}`);
      return `Check in order: ${[...arms, `otherwise go to ${ref(step.else)}`].join('; ')}.`;
    }
    case 'waitFor': {
      const arms = (step.waitFor ?? []).map((arm) => `${signalWords(arm, stageProperty)}, go to ${ref(arm.next)}`);
      return `Wait for the first of: ${arms.join('; ') || 'nothing'}. If nothing happens within ${describeDuration(step.timeout)}, go to ${ref(step.onTimeout)}.`;
    }
    default:
      return 'Invalid step (see the lint findings).';
  }
}

function describeExit(exit: ExitDraft): string {
  const effects = (exit.effects ?? []).map(describeAction);
  return effects.length === 0 ? 'No effects.' : `${capitalize(effects.join(', then '))}.`;
}

/** `on a reply` for events, `when <condition>` for conditions. */
function signalWords(signal: SignalDraft, stageProperty: string): string {
  return `${signal.event ? 'on' : 'when'} ${describeSignal(signal, stageProperty)}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function reenrollText(draft: ContractDraft): string {
  const r = draft.entry?.reenroll ?? 'never';
  if (r === 'never') return 'A record enters at most once.';
  if (r === 'after_exit') return 'A record may enter again after its previous run has exited.';
  return `A record may enter again once ${describeDuration(r.after)} have passed since its previous run.`;
}

/** Renders the Markdown docs page of a contract. */
export function renderContractDocs(draft: ContractDraft): string {
  const graph = buildGraph(draft);
  const stageProperty = draft.stagePolicy?.property ?? 'stage';
  const docs = draft.docs ?? {};
  const out: string[] = [`# ${draft.name ?? draft.key ?? 'Untitled contract'}${draft.key ? ` (\`${draft.key}\`)` : ''}`, ''];
  if (docs.purpose) out.push(`> ${docs.purpose}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Owner | ${cell(docs.owner ?? '*(missing)*')} |`);
  out.push(`| Record | ${draft.object ?? '*(missing)*'} |`);
  out.push(`| Business event | ${cell(docs.businessEvent ?? '*(missing)*')} |`);
  out.push(`| Trigger | Starts when ${cell(describeTrigger(draft))} |`);
  if (docs.reviewedAt) out.push(`| Last reviewed | ${docs.reviewedAt} |`);
  if (draft.limits?.maxDuration) out.push(`| Longest run | ${describeDuration(draft.limits.maxDuration)} |`);
  out.push('', '## Who may enter', '');
  out.push(`- **Entry filter:** ${draft.entry?.filter ? describeCondition(draft.entry.filter, stageProperty) : '*(missing)*'}.`);
  out.push(`- **Re-enrollment:** ${reenrollText(draft)}`);
  const lanes = draft.entry?.lanes ?? [];
  if (lanes.length > 0) {
    const busy = draft.entry?.onLaneBusy === 'preempt' ? `it preempts a lower-priority holder (priority ${draft.entry.priority ?? 0})` : 'the record is skipped and the rejection logged';
    out.push(`- **Lanes:** ${lanes.map((l) => `\`${l}\``).join(', ')} (one active run per record per lane; when a lane is taken, ${busy}).`);
  }
  out.push('', '## Path', '', '```mermaid', renderMermaid(draft, graph).trimEnd(), '```', '');
  (draft.steps ?? []).forEach((step, i) => {
    out.push(`${i + 1}. ${ref(step.id)} — ${describeStep(step, stageProperty)}${step.note ? ` *${step.note}*` : ''}`);
  });
  if ((draft.goals ?? []).length > 0) {
    out.push('', '## Goals', '', 'Checked on every change to the record while a run is active; the first match ends the run at once.', '');
    for (const goal of draft.goals ?? []) out.push(`- ${capitalize(signalWords(goal, stageProperty))}, exit through ${ref(goal.exit)}.`);
  }
  out.push('', '## Exits', '', '| exit | outcome | what it leaves behind |', '|---|---|---|');
  for (const exit of draft.exits ?? []) {
    const note = exit.id === PREEMPTED_EXIT ? ' Taken when another contract preempts the run.' : '';
    out.push(`| ${exit.id ?? '?'} | ${exit.outcome ?? '?'} | ${cell(describeExit(exit) + note + (exit.note ? ` ${exit.note}` : ''))} |`);
  }
  if (draft.stagePolicy) {
    const order = draft.stagePolicy.order ? ` (${draft.stagePolicy.order.join(' → ')})` : ' (order as set in the portal)';
    out.push('', '## Stage policy', '', `\`${draft.stagePolicy.property}\`${order}${draft.stagePolicy.monotonic ? ' only moves forward: the runtime refuses a write to an earlier stage.' : ' may move in any direction.'}`);
  }
  if (docs.notes) out.push('', '## Notes', '', docs.notes);
  return `${out.join('\n')}\n`;
}
