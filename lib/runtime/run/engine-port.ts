/**
 * What the shell asks of the pure engine (lib/engine), in one interface. The shell never makes
 * these decisions itself; `engine.ts` binds this port to the engine's functions, and tests can
 * hand in the same binding. Keeping the port narrow keeps the shell's jobs independent of how
 * the engine is split into files.
 */
import type { Contract } from '../../contracts';
import type { DeriveResult, RecordVersionState } from '../../engine/derive-signals';
import type {
  Decision,
  PortalContext,
  RecordSnapshot,
  RunInput,
  RunSnapshot,
  SharedState,
  Signal,
  StepResult,
} from '../../engine/types';

/** A published version that is live for its portal, as the runtime loads it. */
export interface LiveContract {
  contractId: string;
  versionId: string;
  version: number;
  key: string;
  status: 'live' | 'paused' | 'retired' | 'draft';
  contract: Contract;
}


/** The entry decision for one record and one contract. */
export interface EntryVerdict {
  accepted: boolean;
  /** Lanes the run will hold and the priority it holds them with. */
  lanes: readonly string[];
  priority: number;
  /** Runs that must leave through their `preempted` exit before this one starts. */
  preempt: readonly { runId: string; contractKey: string }[];
  reason: string;
  decisions: Decision[];
}

/** How an enrollment was asked for. */
export type EntryVia =
  | { kind: 'trigger'; signal: Signal }
  | { kind: 'handoff'; fromRunId: string; fromContract: string; exitId: string }
  | { kind: 'manual'; actor: string }
  /** "Would this contract admit the record now?": filter, lanes and re-entry, no trigger and no enrolment. */
  | { kind: 'check' };

export interface EnginePort {
  /**
   * Normalises raw webhook events into per-record signals, given what Waymark held before
   * (keyed `objectType:recordId`); returns the signals and each touched record's next state.
   */
  deriveSignals(events: readonly unknown[], previous: Readonly<Record<string, RecordVersionState | undefined>>): DeriveResult;
  /** Which of these contracts does this signal start? One decision per contract considered. */
  matchTriggers(contracts: readonly LiveContract[], signal: Signal, record: RecordSnapshot): { matched: LiveContract[]; decisions: Decision[] };
  evaluateEntry(input: {
    contract: Contract;
    record: RecordSnapshot;
    shared: SharedState;
    portal: PortalContext;
    via: EntryVia;
    now: Date;
  }): EntryVerdict;
  step(input: {
    run: RunSnapshot;
    contract: Contract;
    record: RecordSnapshot;
    shared: SharedState;
    portal: PortalContext;
    input: RunInput;
    now: Date;
    /** The record's signals since the run entered its current step, oldest first. */
    recentSignals: readonly Signal[];
  }): StepResult;
  /** Every record property the contract's conditions read (to refresh missing ones). */
  propertiesUsed(contract: Contract): string[];
}
