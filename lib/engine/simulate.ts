/**
 * The dry-run simulator: runs one contract for one record on virtual time with the same engine
 * as the live runtime (trigger matching, entry evaluation, advanceRun), and no side effects.
 *
 * - Before a run exists, each event is applied to the record and matched against the trigger;
 *   the first event that matches and passes entry starts the run. `handoff` and `manual`
 *   contracts start at the simulation start instead, as a handoff or a person would start them.
 * - Then the earliest of the next event and the run's stored wake-up happens next (an event at
 *   the same instant as a wake-up goes first). Actions succeed at once unless `actionOutcomes`
 *   says a step fails for good. Action and exit writes (`set_property`, `set_stage`) are applied
 *   to the virtual record so later branches see them; they are not echoed back as signals.
 * - It stops at the exit, when nothing more can happen, or at the horizon (default P400D).
 */
import { addIsoDuration, parseIsoDuration, type Contract } from '../contracts/schema';
import { advanceRun } from './advance-run';
import { evaluateEntry } from './evaluate-entry';
import { matchStart, matchTriggers } from './match-trigger';
import { resolveEventTime, type SimEvent, type SimRecord } from './simulation-input';
import { applyWrite } from './virtual-record';
import type { ActionCommand, Command, Decision, PortalContext, RecordSnapshot, RunSnapshot, SharedState, Signal } from './types';

/** Knobs of a simulation. */
export interface SimulateOptions {
  /** Virtual start time (default: the first absolute event time, else `defaultStart`). */
  start?: Date;
  /** The start when neither `start` nor an absolute event time gives one (default 2026-01-05T09:00:00Z). */
  defaultStart?: Date;
  portal?: PortalContext;
  /** Other contracts' runs, lanes and ended runs for this record. */
  shared?: SharedState;
  /** Action steps that fail for good, by step id, with the error to report. */
  actionOutcomes?: Record<string, { outcome: 'failed'; error?: string }>;
  /** How much virtual time may pass (ISO duration, default P400D). */
  horizon?: string;
}

/** One action the run would have performed. */
export interface SimAction extends ActionCommand {
  at: Date;
  stepId: string;
  outcome: 'succeeded' | 'failed';
}

/** What happened. */
export interface SimulationResult {
  started: boolean;
  /** Steps entered, then the exit reached, in order. */
  path: { at: Date; id: string; kind: 'step' | 'exit' }[];
  decisions: Decision[];
  actions: SimAction[];
  exit: (Extract<Command, { type: 'exit' }> & { at: Date }) | null;
  /** Why the simulation stopped. */
  ended: 'exited' | 'not-started' | 'nothing-left' | 'horizon';
  record: Record<string, string | null>;
  tags: string[];
}

const DEFAULT_START = new Date('2026-01-05T09:00:00Z');
const MAX_TURNS = 10_000;

/** Simulates `contract` for `initial` under timed `events` (see the module header). */
export function simulate(contract: Contract, initial: SimRecord, events: readonly SimEvent[], options: SimulateOptions = {}): SimulationResult {
  const firstAbsolute = events.map((e) => Date.parse(e.at)).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b)[0];
  const start = options.start ?? (firstAbsolute !== undefined ? new Date(firstAbsolute) : (options.defaultStart ?? DEFAULT_START));
  const portal = options.portal ?? { timeZone: 'UTC' };
  const shared = options.shared ?? { activeRuns: [], heldLanes: [], completed: [] };
  const horizon = addIsoDuration(start, parseIsoDuration(options.horizon ?? 'P400D') ?? parseIsoDuration('P400D')!);
  const result: SimulationResult = { started: false, path: [], decisions: [], actions: [], exit: null, ended: 'not-started', record: { ...initial.properties }, tags: [] };
  let record: RecordSnapshot = { objectType: contract.object, recordId: initial.id, properties: result.record };
  const setRecord = (properties: Record<string, string | null>) => {
    result.record = properties;
    record = { ...record, properties };
  };
  const pending = events
    .map((e, index) => ({ index, at: resolveEventTime(e.at, start) ?? start, body: e.signal }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const toSignal = (p: (typeof pending)[number]): Signal => {
    const body = p.body.kind === 'property_changed' ? { ...p.body, from: result.record[p.body.property] ?? null } : p.body;
    return { ...body, objectType: contract.object, recordId: initial.id, occurredAt: p.at, eventIds: [`sim-${p.index + 1}`] };
  };
  const applySignal = (signal: Signal) => {
    if (signal.kind === 'property_changed') setRecord({ ...result.record, [signal.property]: signal.to });
  };

  // Phase 1: until a run starts.
  let startAt: Date | undefined;
  if (contract.trigger.event === 'handoff' || contract.trigger.event === 'manual') {
    const source = contract.trigger.event === 'handoff' ? ({ kind: 'handoff', fromContract: 'simulation', exitId: 'simulation' } as const) : ({ kind: 'manual', actor: 'simulation' } as const);
    result.decisions.push(matchStart(contract, source, start).decision);
    const entry = evaluateEntry({ contract, record, shared, portal, now: start });
    result.decisions.push(entry.decision);
    if (entry.enroll) startAt = start;
  }
  while (!startAt && pending.length > 0) {
    const next = pending.shift()!;
    const signal = toSignal(next);
    applySignal(signal);
    const match = matchTriggers([{ contract, version: 1 }], signal, next.at)[0];
    if (!match) continue;
    result.decisions.push(match.decision);
    if (!match.matched) continue;
    const entry = evaluateEntry({ contract, record, shared, portal, now: next.at, signal });
    result.decisions.push(entry.decision);
    if (entry.enroll) startAt = next.at;
  }
  if (!startAt) return result;

  // Phase 2: the run.
  result.started = true;
  const recent: Signal[] = [];
  let run: RunSnapshot = { runId: 'simulated-run', contractKey: contract.key, version: 1, currentStepId: contract.steps[0]?.id ?? '', startedAt: startAt, stepEnteredAt: startAt, seq: 0, state: { visits: {} } };
  let input: Parameters<typeof advanceRun>[0]['input'] | undefined = { kind: 'start' };
  let now = startAt;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    if (!input) {
      const event = pending[0];
      const due = run.dueAt ?? undefined;
      const nextAt = [event?.at, due].filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
      if (!nextAt) return { ...result, ended: 'nothing-left' };
      if (nextAt.getTime() > horizon.getTime()) return { ...result, ended: 'horizon' };
      now = nextAt;
      if (event && event.at.getTime() === nextAt.getTime()) {
        pending.shift();
        const signal = toSignal(event);
        applySignal(signal);
        recent.push(signal);
        input = { kind: 'signal', signal };
      } else input = { kind: 'wake' };
    }
    const out = advanceRun({ contract, run, record, shared, portal, input, now, recentSignals: recent });
    input = undefined;
    run = out.run;
    result.decisions.push(...out.decisions);
    for (const command of out.commands) {
      if (command.type === 'enter-step') result.path.push({ at: command.at, id: command.stepId, kind: 'step' });
      if (command.type === 'perform-action') {
        const failure = options.actionOutcomes?.[command.stepId];
        const { type: _type, ...action } = command;
        result.actions.push({ ...action, at: now, outcome: failure ? 'failed' : 'succeeded' });
        if (!failure) applyEffect(action, contract, result, setRecord);
        input = failure
          ? { kind: 'action-result', stepId: command.stepId, outcome: 'failed', error: failure.error ?? 'failed in simulation', idempotencyKey: command.idempotencyKey }
          : { kind: 'action-result', stepId: command.stepId, outcome: 'succeeded', idempotencyKey: command.idempotencyKey };
      }
      if (command.type === 'exit') {
        result.path.push({ at: now, id: command.exitId, kind: 'exit' });
        for (const effect of command.effects) applyEffect(effect, contract, result, setRecord);
        return { ...result, exit: { ...command, at: now }, ended: 'exited' };
      }
    }
  }
  return { ...result, ended: 'horizon' };
}

function applyEffect(action: ActionCommand, contract: Contract, result: SimulationResult, setRecord: (p: Record<string, string | null>) => void): void {
  const next = applyWrite(contract, result.record, result.tags, action);
  if (next.properties !== result.record) setRecord(next.properties);
  result.tags = next.tags;
}
