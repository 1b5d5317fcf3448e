/**
 * "Draft a contract from this workflow" (issue #11 §6): a native v4 flow mapped to a contract
 * draft with what the flow states (trigger, entry filter, re-enrolment, steps, branches, goal),
 * and what it never declared (exit states, failure paths, a docs owner and business event) left
 * out. The open findings are then exactly what the contract linter says about the draft: nothing
 * is invented here, so resolving them in the editor is what makes the draft publishable.
 */
import { Document } from 'yaml';
import { lintContracts } from '../../contracts/lint/lint-contracts';
import { parseContract } from '../../contracts/parse-contract';
import { CRM_OBJECTS } from '../../contracts/schema';
import { parseNativeFlow } from '../flow-schema';
import { buildNativeGraph } from '../native-graph';
import { objectName } from '../subjects';
import { draftEntry, draftGoals, draftTrigger } from './flow-entry';
import { draftSteps } from './flow-steps';

export type DraftOpenFinding = { rule: string; severity: 'error' | 'warning' | 'info'; path: string; message: string; fix?: string };
export type FlowContractDraft = { draft: Record<string, unknown>; yaml: string; openFindings: DraftOpenFinding[] };

/** The flow JSON could not be read as an Automation v4 flow. */
export class UnreadableFlowError extends Error {}

/** A kebab-case key from the workflow's name (its id when the name has no letters or digits). */
export function draftKey(name: string, id: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || `workflow-${id.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'draft'}`;
}

export function draftContractFromFlow(flowJson: unknown, options: { now: Date }): FlowContractDraft {
  const parsed = parseNativeFlow(flowJson);
  if (!parsed.ok) throw new UnreadableFlowError(`Not an Automation v4 flow: ${parsed.error}`);
  const graph = buildNativeGraph(parsed.flow);
  const { flow } = graph;
  const object = objectName(flow.objectTypeId);
  const trigger = draftTrigger(graph);
  const goals = draftGoals(graph);
  const { steps, unmapped } = draftSteps(graph);
  const description = flow.description?.trim();
  const draft: Record<string, unknown> = {
    contract: 1,
    key: draftKey(flow.name, flow.id),
    name: flow.name || `Workflow ${flow.id}`,
    ...((CRM_OBJECTS as readonly string[]).includes(object) ? { object } : {}),
    docs: description ? { purpose: description } : {},
    ...(trigger ? { trigger } : {}),
    entry: draftEntry(graph),
    steps,
    ...(goals ? { goals } : {}),
  };
  const lint = lintContracts([{ parsed: parseContract(draft), live: false }], { context: { now: options.now } });
  const openFindings = lint.findings.map((f) => ({ rule: f.rule, severity: f.severity, path: f.path, message: f.message, ...(f.fix ? { fix: f.fix } : {}) }));
  const doc = new Document(draft);
  doc.commentBefore = [
    ` Drafted on ${options.now.toISOString().slice(0, 10)} from HubSpot workflow ${flow.id} ("${flow.name}").`,
    ` ${openFindings.length} open finding(s) to resolve before it can go live.`,
    ...((CRM_OBJECTS as readonly string[]).includes(object) ? [] : [` Object type ${flow.objectTypeId} is not one a contract can be about.`]),
    ...unmapped.map((what) => ` Not mapped: ${what}.`),
  ].join('\n');
  return { draft, yaml: doc.toString({ lineWidth: 0 }), openFindings };
}
