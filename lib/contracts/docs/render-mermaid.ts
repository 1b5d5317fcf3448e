/**
 * Mermaid flowchart of a contract's path: the trigger, every step shaped by kind, branches and
 * waitFor arms labelled, failure edges dotted, timeout edges thick, goals as side entries, and
 * exits shaped and coloured by outcome. Node ids are generated (n0, x0…) so any step id is safe.
 */
import type { ContractDraft, StepDraft } from '../draft';
import { buildGraph, type ContractGraph, type GraphEdge } from '../lint/graph';
import { PREEMPTED_EXIT } from '../schema';
import { describeAction, describeCondition, describeDuration, describeSignal, describeTrigger } from './describe';

/** Escapes text for a quoted Mermaid label. */
function mermaidLabel(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `"${short.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ')}"`;
}

function stepLabel(step: StepDraft): string {
  const id = step.id ?? '?';
  switch (step.kind) {
    case 'wait':
      return `${id}: wait ${describeDuration(step.wait)}${step.businessHours ? ' (business hours)' : ''}`;
    case 'action':
      return `${id}: ${describeAction(step)}`;
    case 'branch':
      return `${id}: which case?`;
    case 'waitFor':
      return `${id}: wait up to ${describeDuration(step.timeout)}`;
    default:
      return `${id}: (invalid step)`;
  }
}

const SHAPES = {
  wait: (l: string) => `([${l}])`,
  action: (l: string) => `[${l}]`,
  branch: (l: string) => `{${l}}`,
  waitFor: (l: string) => `{{${l}}}`,
  unknown: (l: string) => `[${l}]`,
} as const satisfies Record<StepDraft['kind'], (label: string) => string>;

const EXIT_SHAPES = {
  success: (l: string) => `(((${l})))`,
  failure: (l: string) => `>${l}]`,
  neutral: (l: string) => `(${l})`,
  handoff: (l: string) => `[[${l}]]`,
} as const;

function edgeText(edge: GraphEdge, to: string, stageProperty: string, graph: ContractGraph): string {
  switch (edge.kind) {
    case 'failure':
      return `-.->|${mermaidLabel('on failure')}| ${to}`;
    case 'timeout':
      {
        const step = graph.nodes.get(edge.from)?.step;
        const timeout = step?.kind === 'waitFor' ? step.timeout : undefined;
        return `==>|${mermaidLabel(`nothing within ${describeDuration(timeout)}`)}| ${to}`;
      }
    case 'else':
      return `-->|${mermaidLabel('else')}| ${to}`;
    case 'branch':
      return `-->|${mermaidLabel(describeCondition(edge.when, stageProperty))}| ${to}`;
    case 'signal':
      return `-->|${mermaidLabel(describeSignal({ ...(edge.when ? { when: edge.when } : {}), ...(edge.event ? { event: edge.event } : {}) }, stageProperty))}| ${to}`;
    default:
      return `--> ${to}`;
  }
}

/** The flowchart source (without code fences). */
export function renderMermaid(draft: ContractDraft, graph: ContractGraph = buildGraph(draft)): string {
  const stageProperty = draft.stagePolicy?.property ?? 'stage';
  const lines = ['flowchart TD'];
  const ids = new Map<string, string>();
  (draft.steps ?? []).forEach((step, i) => {
    if (step.id !== undefined && graph.nodes.get(step.id)?.step === step) ids.set(step.id, `n${i}`);
  });
  (draft.exits ?? []).forEach((exit, i) => {
    if (exit.id !== undefined && graph.nodes.get(exit.id)?.exit === exit) ids.set(exit.id, `x${i}`);
  });
  lines.push(`  trigger[/${mermaidLabel(`When ${describeTrigger(draft)}`)}/]`);
  for (const node of graph.nodes.values()) {
    const id = ids.get(node.id) as string;
    if (node.step) lines.push(`  ${id}${SHAPES[node.step.kind](mermaidLabel(stepLabel(node.step)))}`);
    if (node.exit) {
      const outcome = node.exit.outcome ?? 'neutral';
      lines.push(`  ${id}${EXIT_SHAPES[outcome](mermaidLabel(`${node.id} (${outcome})`))}`);
    }
  }
  if (graph.start !== undefined && ids.has(graph.start)) lines.push(`  trigger --> ${ids.get(graph.start)}`);
  let missing = 0;
  const target = (name: string) => {
    const known = ids.get(name);
    if (known) return known;
    const id = `missing${missing++}`;
    lines.push(`  ${id}[${mermaidLabel(`unknown: ${name}`)}]:::problem`);
    return id;
  };
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from)} ${edgeText(edge, target(edge.to), stageProperty, graph)}`);
  graph.goals.forEach((goal, i) => {
    lines.push(`  goal${i}[\\${mermaidLabel(`goal: ${describeSignal(goal.goal, stageProperty)}`)}\\]`);
    lines.push(`  goal${i} -.->|${mermaidLabel('at any step')}| ${target(goal.exit)}`);
  });
  if (ids.has(PREEMPTED_EXIT) && graph.nodes.get(PREEMPTED_EXIT)?.exit) {
    lines.push(`  preemption[\\${mermaidLabel('a higher-priority contract takes the lane')}\\]`);
    lines.push(`  preemption -.-> ${ids.get(PREEMPTED_EXIT)}`);
  }
  lines.push(
    '  classDef success fill:#e6f4ea,stroke:#1e7e34',
    '  classDef failure fill:#fdecea,stroke:#b3261e',
    '  classDef neutral fill:#f1f3f4,stroke:#5f6368',
    '  classDef handoff fill:#e8f0fe,stroke:#1a73e8',
    '  classDef problem fill:#fff4e5,stroke:#e37400',
  );
  for (const outcome of ['success', 'failure', 'neutral', 'handoff'] as const) {
    const members = [...graph.nodes.values()].filter((n) => n.exit && (n.exit.outcome ?? 'neutral') === outcome).map((n) => ids.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${outcome}`);
  }
  return `${lines.join('\n')}\n`;
}
