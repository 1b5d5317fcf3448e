/** Drives advanceRun in tests: keeps the run, record and shared state between inputs. */
import type { Contract } from '@/lib/contracts/schema';
import { advanceRun } from '@/lib/engine/advance-run';
import type { RecordSnapshot, RunInput, RunSnapshot, SharedState, Signal, SignalBody, StepResult } from '@/lib/engine/types';

export const T0 = new Date('2026-11-30T15:00:00Z'); // Monday 10:00 in New York
export const EMPTY: SharedState = { activeRuns: [], heldLanes: [], completed: [] };

export function at(offsetMs: number): Date {
  return new Date(T0.getTime() + offsetMs);
}
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export class Harness {
  run: RunSnapshot;
  record: RecordSnapshot;
  last!: StepResult;
  history: StepResult[] = [];
  recentSignals: Signal[] = [];

  constructor(
    public contract: Contract,
    properties: Record<string, string | null>,
    public shared: SharedState = EMPTY,
    public timeZone = 'America/New_York',
  ) {
    this.run = { runId: 'run-1', contractKey: contract.key, version: 1, currentStepId: contract.steps[0]?.id ?? '', startedAt: T0, stepEnteredAt: T0, seq: 0, state: { visits: {} } };
    this.record = { objectType: 'contact', recordId: '7', properties };
  }

  send(input: RunInput, now: Date): StepResult {
    this.last = advanceRun({
      contract: this.contract,
      run: this.run,
      record: this.record,
      shared: this.shared,
      portal: { timeZone: this.timeZone },
      input,
      now,
      recentSignals: this.recentSignals,
    });
    this.run = this.last.run;
    this.history.push(this.last);
    return this.last;
  }

  /** Applies a signal to the record (as the shell would) and sends it. */
  signal(signal: SignalBody, now: Date): StepResult {
    const full: Signal = { objectType: 'contact', recordId: '7', eventIds: ['e'], occurredAt: now, ...signal };
    if (full.kind === 'property_changed') this.record = { ...this.record, properties: { ...this.record.properties, [full.property]: full.to } };
    this.recentSignals.push(full);
    return this.send({ kind: 'signal', signal: full }, now);
  }

  /** The last perform-action command. */
  pendingAction() {
    const cmd = this.last.commands.findLast((c) => c.type === 'perform-action');
    if (!cmd || cmd.type !== 'perform-action') throw new Error('no action pending');
    return cmd;
  }

  exit() {
    const cmd = this.last.commands.find((c) => c.type === 'exit');
    return cmd?.type === 'exit' ? cmd : undefined;
  }
}
