/**
 * The lenient reader: walks parsed JSON/YAML into a `ContractDraft`. Missing elements are left
 * out for the linter to report (lenient about completeness); present values are checked with the
 * format's zod schemas, and a bad one is dropped and reported as a `schema` finding at its JSON
 * pointer (strict about values). Required fields that no lint rule covers (ids, outcomes, action
 * inputs…) are reported here, so a draft with no error finding always parses as a `Contract`.
 */
import { z } from 'zod';
import { ACTION_KINDS, actionWithSchemas, type ActionInput, type ActionKind } from './action-schema';
import { conditionSchema, quoteValue } from './condition-schema';
import type { ContractDraft, EffectDraft, ExitDraft, GoalDraft, SignalDraft, StepDraft, WaitForArmDraft } from './draft';
import type { Finding } from './finding';
import { toPointer, type PointerSegment } from './json-pointer';
import {
  contractKeySchema,
  CRM_OBJECTS,
  docsSchema,
  entrySchema,
  exitSchema,
  limitsSchema,
  stagePolicySchema,
  STEP_KINDS,
  TRIGGER_EVENTS,
  triggerSchema,
  WAIT_EVENTS,
  waitStepSchema,
  waitForStepSchema,
  branchStepSchema,
  type Trigger,
} from './schema';
import { issuesToFindings, schemaFinding } from './zod-issues';

type Obj = Record<string, unknown>;
type Reader = { root: unknown; findings: Finding[] };
type At = readonly PointerSegment[];

// Every schema is built once at load: zod compiles a schema on first use, so building them per
// call would make parsing a thousand contracts several times slower.
const id = z.string().min(1, 'must not be empty');
const version = z.literal(1);
const name = z.string().min(1, 'must not be empty');
const crmObject = z.enum(CRM_OBJECTS);
const actionKind = z.enum(ACTION_KINDS);
const note = z.string();
const branchArmFields = { when: conditionSchema, next: id };
const nextField = { next: id };
const exitField = { exit: id };
const actionFields = { next: id, onFailure: id, note };
const signalFields = { when: conditionSchema, event: z.enum(WAIT_EVENTS), property: z.string().min(1) };
// Step ids are read once for every kind (readStep), so the per-kind field sets leave `id` out.
const { id: _waitId, ...waitFields } = waitStepSchema.shape;
const { branch: _branchArms, id: _branchId, ...branchFields } = branchStepSchema.shape;
const { waitFor: _waitForArms, id: _waitForId, ...waitForFields } = waitForStepSchema.shape;
const { effects: _effects, ...exitFields } = exitSchema.shape;

/** Reads `root` (already parsed JSON/YAML) into a draft, appending `schema` findings. */
export function readDraft(root: unknown, findings: Finding[]): ContractDraft | undefined {
  const r: Reader = { root, findings };
  const top = objectAt(r, root, []);
  if (!top) return undefined;
  const draft: ContractDraft = {};
  assign(draft, 'contract', field(r, top, 'contract', version, [], true) as 1 | undefined);
  assign(draft, 'key', field(r, top, 'key', contractKeySchema, [], true));
  assign(draft, 'name', field(r, top, 'name', name, [], true));
  assign(draft, 'object', field(r, top, 'object', crmObject, [], true));
  const docs = objectAt(r, top.docs, ['docs']);
  if (docs) draft.docs = shape(r, docs, docsSchema.shape, ['docs']);
  const trigger = readTrigger(r, top.trigger);
  if (trigger) draft.trigger = trigger;
  const entry = objectAt(r, top.entry, ['entry']);
  if (entry) draft.entry = shape(r, entry, entrySchema.shape, ['entry']);
  const steps = arrayAt(r, top.steps, ['steps']);
  if (steps) draft.steps = steps.map((step, i) => readStep(r, step, ['steps', i]));
  const exits = arrayAt(r, top.exits, ['exits']);
  if (exits) draft.exits = exits.map((exit, i) => readExit(r, exit, ['exits', i]));
  const goals = arrayAt(r, top.goals, ['goals']);
  if (goals) draft.goals = goals.map((goal, i) => readGoal(r, goal, ['goals', i]));
  assign(draft, 'stagePolicy', field(r, top, 'stagePolicy', stagePolicySchema, []));
  assign(draft, 'limits', field(r, top, 'limits', limitsSchema, []));
  return draft;
}

function readTrigger(r: Reader, value: unknown): ContractDraft['trigger'] {
  const trigger = objectAt(r, value, ['trigger']);
  if (!trigger || trigger.event === undefined) return undefined;
  if (typeof trigger.event === 'string' && !(TRIGGER_EVENTS as readonly string[]).includes(trigger.event)) {
    return { event: trigger.event, unknownEvent: true };
  }
  return field(r, { trigger }, 'trigger', triggerSchema, []) as Trigger | undefined;
}

function readStep(r: Reader, value: unknown, at: At): StepDraft {
  const step = objectAt(r, value, at);
  if (!step) return { kind: 'unknown' };
  const kinds = STEP_KINDS.filter((kind) => step[kind] !== undefined);
  const stepId = field(r, step, 'id', id, at, true);
  const base = stepId === undefined ? {} : { id: stepId };
  const [kind] = kinds;
  if (kind === undefined || kinds.length > 1) {
    const detail = kinds.length > 1 ? `has ${kinds.join(' and ')}; a step has exactly one kind` : `needs one of ${STEP_KINDS.join(', ')}`;
    r.findings.push(schemaFinding(toPointer(at), detail));
    return { kind: 'unknown', ...base };
  }
  if (kind === 'wait') return { kind, ...base, ...shape(r, step, waitFields, at) };
  if (kind === 'branch') {
    const arms = arrayAt(r, step.branch, [...at, 'branch']);
    const branch = arms?.map((arm, i) => {
      const armAt = [...at, 'branch', i];
      const o = objectAt(r, arm, armAt) ?? {};
      return shape(r, o, branchArmFields, armAt, ['when', 'next']);
    });
    return { kind, ...base, ...shape(r, step, branchFields, at), ...(branch ? { branch } : {}) };
  }
  if (kind === 'waitFor') {
    const arms = arrayAt(r, step.waitFor, [...at, 'waitFor']);
    const waitFor = arms?.map((arm, i): WaitForArmDraft => {
      const armAt = [...at, 'waitFor', i];
      const o = objectAt(r, arm, armAt) ?? {};
      return { ...readSignal(r, o, armAt), ...shape(r, o, nextField, armAt, ['next']) };
    });
    return { kind, ...base, ...shape(r, step, waitForFields, at), ...(waitFor ? { waitFor } : {}) };
  }
  const action = field(r, step, 'action', actionKind, at);
  const rest = shape(r, step, actionFields, at);
  return { kind: 'action', ...base, ...rest, ...(action ? { action } : {}), ...readWith(r, step, action, at) };
}

function readWith(r: Reader, owner: Obj, action: ActionKind | undefined, at: At): Pick<EffectDraft, 'with'> {
  if (action === undefined) return {};
  const schema: z.ZodType<ActionInput> = actionWithSchemas[action];
  const input = field(r, owner, 'with', schema, at, true);
  return input === undefined ? {} : { with: input };
}

function readSignal(r: Reader, o: Obj, at: At): SignalDraft {
  const signal: SignalDraft = shape(r, o, signalFields, at);
  if ((o.when === undefined) === (o.event === undefined)) {
    r.findings.push(schemaFinding(toPointer(at), 'needs exactly one of "when" (a condition) or "event"'));
  } else if (signal.event === 'property_changed' && o.property === undefined) {
    r.findings.push(schemaFinding(toPointer([...at, 'property']), 'is required when waiting for property_changed'));
  }
  return signal;
}

function readExit(r: Reader, value: unknown, at: At): ExitDraft {
  const exit = objectAt(r, value, at);
  if (!exit) return {};
  const draft: ExitDraft = shape(r, exit, exitFields, at, ['id', 'outcome']);
  const effects = arrayAt(r, exit.effects, [...at, 'effects']);
  if (effects) {
    draft.effects = effects.map((effect, i) => {
      const effectAt = [...at, 'effects', i];
      const o = objectAt(r, effect, effectAt);
      if (!o) return {};
      const action = field(r, o, 'action', actionKind, effectAt, true);
      return { ...(action ? { action } : {}), ...readWith(r, o, action, effectAt) };
    });
  }
  return draft;
}

function readGoal(r: Reader, value: unknown, at: At): GoalDraft {
  const goal = objectAt(r, value, at);
  if (!goal) return {};
  return { ...readSignal(r, goal, at), ...shape(r, goal, exitField, at, ['exit']) };
}

/** Reads each key of `fields` from `o`; keys in `required` are reported when missing. */
function shape<S extends Record<string, z.ZodType>>(
  r: Reader,
  o: Obj,
  fields: S,
  at: At,
  required: readonly (keyof S & string)[] = ['id'].filter((k) => k in fields) as (keyof S & string)[],
): { [K in keyof S]?: Exclude<z.output<S[K]>, undefined> } {
  const out: Obj = {};
  for (const key of Object.keys(fields)) {
    const schema = fields[key];
    if (!schema) continue;
    const value = field(r, o, key, schema, at, required.includes(key));
    if (value !== undefined) out[key] = value;
  }
  return out as { [K in keyof S]?: Exclude<z.output<S[K]>, undefined> };
}

function field<T>(r: Reader, o: Obj, key: string, schema: z.ZodType<T>, at: At, required = false): T | undefined {
  const value = o[key];
  if (value === undefined) {
    if (required) r.findings.push(schemaFinding(toPointer([...at, key]), 'is required'));
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  r.findings.push(...issuesToFindings(result.error.issues, r.root, [...at, key]));
  return undefined;
}

function objectAt(r: Reader, value: unknown, at: At): Obj | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Obj;
  r.findings.push(schemaFinding(toPointer(at), `${quoteValue(value)} is not an object`));
  return undefined;
}

function arrayAt(r: Reader, value: unknown, at: At): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  r.findings.push(schemaFinding(toPointer(at), `${quoteValue(value)} is not a list`));
  return undefined;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
