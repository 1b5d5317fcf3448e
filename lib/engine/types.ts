/**
 * The engine's public vocabulary: what the shell hands in (record, shared state, run, input)
 * and what comes back (commands to carry out, decisions to log). Everything here is plain,
 * JSON-friendly data; time is always a `Date` passed in, never read.
 *
 * Contract shapes (`Contract`, `Step`, `Condition` …) are not defined here: they come from
 * `lib/contracts`. The engine only adds what running a contract needs.
 */
import type { ActionKind } from '../contracts/schema';

/** Named business events derived from HubSpot property changes (see derive-signals.ts). */
export const NAMED_EVENTS = ['replied', 'meeting_booked', 'email_bounced'] as const;
/** One named business event. */
export type NamedEvent = (typeof NAMED_EVENTS)[number];

/**
 * What Waymark knows about one CRM record when it decides. HubSpot sends every property value
 * as a string (or null), so that is what the engine compares.
 */
export interface RecordSnapshot {
  objectType: string;
  recordId: string;
  properties: Readonly<Record<string, string | null>>;
}

/** Fields every signal carries. */
interface SignalBase {
  objectType: string;
  recordId: string;
  /**
   * When HubSpot says it happened (the event's `occurredAt`, wall-clock), not when we received
   * it. Orders property versions (out-of-order deliveries); never compared with run times.
   */
  occurredAt: Date;
  /**
   * When Waymark observed it, on the runtime clock (the same clock as the run's times; set by
   * the shell at ingestion). "Did this happen since the step began?" compares this, so a
   * sandbox clock fast-forwarded past wall-clock time does not hide real events. Absent only
   * where both clocks are one (the simulator's virtual time): `occurredAt` stands in.
   */
  observedAt?: Date;
  /** The webhook event ids this signal was derived from (for the decision log). */
  eventIds: readonly string[];
}

/** What happened, without who and when. `from` is the value Waymark held before, when it held one. */
export type SignalBody =
  | { kind: 'created' }
  | { kind: 'property_changed'; property: string; from?: string | null; to: string | null }
  | { kind: 'association_changed'; toObject: string; toObjectId: string; removed: boolean }
  | { kind: 'event'; name: NamedEvent }
  | { kind: 'deleted' }
  | { kind: 'merged'; into: string }
  | { kind: 'restored' };

/**
 * One thing that happened to one record, normalised from HubSpot webhook events (or produced
 * by the simulator).
 */
export type Signal = SignalBase & SignalBody;
/** The kinds of {@link Signal}. */
export type SignalKind = Signal['kind'];

/** One lane held by an active run of this record. */
export interface LaneHolder {
  lane: string;
  contractKey: string;
  runId: string;
  priority: number;
}

/** One run of this record that has ended. */
export interface CompletedRun {
  contractKey: string;
  exitId: string;
  exitedAt: Date;
}

/**
 * Answers to shared-state conditions for one record, read by the shell from the state store
 * (never guessed). The engine excludes the run it is deciding for from `activeRuns`.
 */
export interface SharedState {
  activeRuns: readonly { contractKey: string; runId: string }[];
  heldLanes: readonly LaneHolder[];
  completed: readonly CompletedRun[];
}

/** Facts about the portal that decisions depend on. */
export interface PortalContext {
  /** IANA time zone of the portal (business-hours waits), e.g. `America/New_York`. */
  timeZone: string;
  /**
   * Known stage orders by property (the portal's lifecycle or pipeline order), used when a
   * contract's `stagePolicy` omits `order`.
   */
  stageOrders?: Readonly<Record<string, readonly string[]>>;
}

/** Engine-owned bookkeeping stored with a run (the `state` column). */
export interface RunState {
  /** How many times each step was entered; part of action idempotency keys for loops. */
  visits: Record<string, number>;
  /**
   * Steps entered since the run last stopped to wait (across advances), for the instant-loop
   * guard: an action whose `onFailure` leads back to itself loops one advance at a time.
   */
  stepsSinceWait?: number;
  /**
   * Values at the run's start of the properties its conditions test with `changed: true`;
   * inside the run, such a property counts as changed when its value differs from this.
   */
  baseline?: Record<string, string | null>;
}

/** A run as the engine sees it. */
export interface RunSnapshot {
  runId: string;
  contractKey: string;
  version: number;
  currentStepId: string;
  startedAt: Date;
  /** When the run entered its current step (a waitFor looks back to here for early events). */
  stepEnteredAt: Date;
  /** The stored wake-up: a wait's due time or a waitFor's timeout. */
  dueAt?: Date | null;
  /** Bumped on every step entered; the shell fences writes on the value it read. */
  seq: number;
  state: RunState;
}

/** What moves a run. */
export type RunInput =
  /** The run was just enrolled: enter the first step. */
  | { kind: 'start' }
  /** The stored wake-up fired (wait due, waitFor timeout, or the run's time limit). */
  | { kind: 'wake' }
  /** Something happened to the record: check goals, then the current waitFor. */
  | { kind: 'signal'; signal: Signal }
  /** The current action step's action finished for good (transient failures are retried by the shell first). */
  | {
      kind: 'action-result';
      stepId: string;
      outcome: 'succeeded' | 'failed';
      error?: string;
      /** The key of the `perform-action` command answered; a result for an older visit is ignored. */
      idempotencyKey?: string;
    }
  /** End the run through a named exit: preemption, a person's choice, retiring a contract. */
  | { kind: 'end'; exitId: string; reason: string; actor?: string };

/** One action for the shell to perform (an action step or an exit effect). */
export interface ActionCommand {
  action: ActionKind;
  with: Readonly<Record<string, unknown>>;
  /** Derived from (run, step, visit) or (run, exit, effect index): stable across retries. */
  idempotencyKey: string;
}

/** What the shell must do, in order. */
export type Command =
  /** The run moved to a step (persist `currentStepId`; the path in the simulator). */
  | { type: 'enter-step'; stepId: string; at: Date }
  /** Store this due time; wake the run then (a wait, a waitFor timeout or the time limit). */
  | { type: 'schedule-wake'; at: Date; purpose: 'wait' | 'timeout' | 'max-duration' }
  /** Perform an action step's action; answer with an `action-result` input. */
  | ({ type: 'perform-action'; stepId: string } & ActionCommand)
  /**
   * End the run: release its lanes first, then perform `effects` in order (so a handoff finds
   * the record free of this run).
   */
  | { type: 'exit'; exitId: string; outcome: ExitOutcome; reason: string; effects: ActionCommand[] };

/** Outcomes an exit can declare. */
export type ExitOutcome = 'success' | 'neutral' | 'failure' | 'handoff';

/** What a decision was about. */
export type DecisionKind =
  | 'trigger'
  | 'entry'
  | 'step'
  | 'wait'
  | 'action'
  | 'branch'
  | 'wait-for'
  | 'goal'
  | 'exit'
  | 'stage-refused'
  | 'limit'
  | 'signal'
  /** A native HubSpot workflow asked Waymark (custom workflow actions, issue #13). */
  | 'native-workflow';

/** One explained decision: becomes a decision-log row. */
export interface Decision {
  kind: DecisionKind;
  /** Short machine word: `matched`, `rejected`, `enrolled`, `taken`, `refused`, … */
  outcome: string;
  /** Plain words a person can read on the record panel. */
  reason: string;
  /** What decided: property values, shared-state answers, the rule or step that decided. */
  inputs: Record<string, unknown>;
  at: Date;
  contractKey?: string;
  stepId?: string;
}

/** The result of moving a run. */
export interface StepResult {
  /** The run after the move (position, due time, seq, state). */
  run: RunSnapshot;
  status: 'active' | 'exited';
  commands: Command[];
  decisions: Decision[];
}
