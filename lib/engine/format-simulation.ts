/**
 * A simulation as people read it (the CLI's default output): the path taken, every decision with
 * its inputs, and the exit reached. `--format json` prints the result object itself instead
 * (dates as ISO text).
 */
import type { SimulationResult } from './simulate';

const ENDED: Record<SimulationResult['ended'], string> = {
  exited: 'The run ended.',
  'not-started': 'No run started.',
  'nothing-left': 'The run is still waiting: no events or wake-ups were left.',
  horizon: 'Stopped at the simulation horizon with the run still active.',
};

/** Renders a simulation as plain text. */
export function formatSimulation(contractKey: string, result: SimulationResult): string {
  const lines: string[] = [`Simulation of ${contractKey}`, ''];
  lines.push('Path:');
  if (result.path.length === 0) lines.push('  (no steps)');
  for (const step of result.path) {
    lines.push(`  ${stamp(step.at)}  ${step.kind === 'exit' ? `→ ${step.id}` : step.id}`);
  }
  lines.push('', 'Decisions:');
  for (const d of result.decisions) {
    lines.push(`  ${stamp(d.at)}  ${d.kind} ${d.outcome}${d.stepId ? ` [${d.stepId}]` : ''}: ${d.reason}`);
    lines.push(`      inputs: ${JSON.stringify(d.inputs)}`);
  }
  if (result.actions.length > 0) {
    lines.push('', 'Actions (not performed; simulated):');
    for (const a of result.actions) lines.push(`  ${stamp(a.at)}  ${a.action} ${JSON.stringify(a.with)} → ${a.outcome}`);
  }
  lines.push('', result.ended === 'not-started' ? notStarted(result) : ENDED[result.ended]);
  if (result.exit) {
    lines.push(`Exit: ${result.exit.exitId} (${result.exit.outcome}) at ${stamp(result.exit.at)}: ${result.exit.reason}`);
    for (const e of result.exit.effects) lines.push(`  effect: ${e.action} ${JSON.stringify(e.with)}`);
  }
  if (result.tags.length > 0) lines.push(`Tags: ${result.tags.join(', ')}`);
  lines.push(`Record after: ${JSON.stringify(result.record)}`);
  return `${lines.join('\n')}\n`;
}

/** Why no run started, in words: no event fired the trigger, or entry refused the record. */
function notStarted(result: SimulationResult): string {
  const matched = result.decisions.some((d) => d.kind === 'trigger' && d.outcome === 'matched');
  return matched
    ? `${ENDED['not-started']} The entry refused the record (see the last decision above).`
    : `${ENDED['not-started']} No event matched the contract's trigger: add one to --events (for a property_changed trigger, the change itself).`;
}

function stamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
