/**
 * Ending a run. A declared exit ends the run with its effects in order; the `exit` command tells
 * the shell to release the run's lanes first and then perform the effects (so a
 * `start_contract` handoff finds the record free of this run). Stage writes that would move the
 * record backwards under a monotonic policy are dropped from the effects and logged.
 *
 * The engine also ends runs for reasons no contract declares; those use system exits (ids
 * prefixed `system:`), listed in {@link SYSTEM_EXITS}. Failures among them notify the contract's
 * owner (`docs.owner`), since a failure that tells nobody is what Waymark exists to prevent.
 */
import { PREEMPTED_EXIT } from '../contracts/schema';
import { decide, type RunCursor } from './run-cursor';
import { judgeStageWrite } from './stage-guard';
import type { ActionCommand, ExitOutcome } from './types';

/** Why the engine may end a run through an exit the contract does not declare. */
export const SYSTEM_EXITS = {
  'system:max-duration': { outcome: 'failure', notify: true, limit: true, title: 'ran longer than its maxDuration' },
  'system:instant-loop': { outcome: 'failure', notify: true, limit: true, title: 'entered too many steps without waiting' },
  'system:invalid-reference': { outcome: 'failure', notify: true, limit: false, title: 'reached a step or exit that does not exist' },
  'system:unschedulable': { outcome: 'failure', notify: true, limit: false, title: 'has a wait whose due time no date can hold' },
  'system:record-deleted': { outcome: 'neutral', notify: false, limit: false, title: 'record was deleted' },
  'system:record-merged': { outcome: 'neutral', notify: false, limit: false, title: 'record was merged into another' },
} as const satisfies Record<string, { outcome: ExitOutcome; notify: boolean; limit: boolean; title: string }>;
/** A system exit id. */
export type SystemExitId = keyof typeof SYSTEM_EXITS;

/** Ends the run through the declared exit `exitId` (or a bare `preempted` if undeclared). */
export function takeExit(cur: RunCursor, exitId: string, reason: string, inputs: Record<string, unknown> = {}): void {
  const exit = cur.args.contract.exits.find((e) => e.id === exitId);
  if (!exit) {
    if (exitId === PREEMPTED_EXIT) return finish(cur, exitId, 'neutral', reason, [], inputs);
    return systemExit(cur, 'system:invalid-reference', `${reason} The exit '${exitId}' does not exist.`, inputs);
  }
  const effects: ActionCommand[] = [];
  exit.effects.forEach((effect, index) => {
    const input = effect.with as Record<string, unknown>;
    const verdict = judgeStageWrite(cur.args.contract, cur.args.portal, cur.args.record, effect.action, input);
    if (verdict?.refused) {
      decide(cur, 'stage-refused', 'refused', `${verdict.reason} The effect was skipped; the other effects of ${exitId} still run.`, { ...verdict.inputs, exitId, effectIndex: index });
      return;
    }
    effects.push({ action: effect.action, with: input, idempotencyKey: `${cur.run.runId}:exit:${exitId}:${index}` });
  });
  finish(cur, exitId, exit.outcome, reason, effects, inputs);
}

/** Ends the run through a system exit (see {@link SYSTEM_EXITS}). */
export function systemExit(cur: RunCursor, exitId: SystemExitId, reason: string, inputs: Record<string, unknown> = {}): void {
  const spec = SYSTEM_EXITS[exitId];
  const { contract } = cur.args;
  const effects: ActionCommand[] = spec.notify
    ? [
        {
          action: 'notify',
          with: { to: contract.docs.owner, message: `A run of ${contract.name} (${contract.key}) ${spec.title}: ${reason}` },
          idempotencyKey: `${cur.run.runId}:exit:${exitId}:0`,
        },
      ]
    : [];
  if (spec.limit) decide(cur, 'limit', 'exceeded', reason, { ...inputs, exitId });
  finish(cur, exitId, spec.outcome, reason, effects, inputs);
}

function finish(cur: RunCursor, exitId: string, outcome: ExitOutcome, reason: string, effects: ActionCommand[], inputs: Record<string, unknown>): void {
  cur.status = 'exited';
  cur.run.dueAt = null;
  decide(cur, 'exit', outcome, reason, { ...inputs, exitId, effects: effects.map((e) => ({ action: e.action, with: e.with })) });
  cur.commands.push({ type: 'exit', exitId, outcome, reason, effects });
}
