/**
 * A person ends a run through an exit they choose, with a reason. The engine checks the exit is
 * declared (else the refusal is logged and the run goes on); lanes are released and the exit's
 * effects applied like any other exit.
 */
import type { RuntimeDeps } from '../runtime-deps';
import { advanceRun, type AdvanceOutcome } from '../run/advance-run';

export async function exitRunManually(deps: RuntimeDeps, input: { runId: string; exitId: string; reason: string; actor: string }): Promise<AdvanceOutcome> {
  await deps.clock.sync();
  return advanceRun(
    deps,
    input.runId,
    { kind: 'end', exitId: input.exitId, reason: `Ended by ${input.actor}: ${input.reason}`, actor: input.actor },
    { actor: input.actor },
  );
}
