import type { PanelDecision } from '@/lib/runtime/panel/load-record-panel';
import { ui } from '../_ui/tokens';

/** One decision as a sentence; expands (native <details>, keyboard-usable) to its exact inputs and contract version. */
export function DecisionItem({ decision }: { decision: PanelDecision }) {
  return (
    <li className="py-2">
      <details className="group">
        <summary className={`cursor-pointer list-none rounded-[4px] ${ui.focus}`}>
          <span className="mr-1 inline-block text-[#516f90] transition group-open:rotate-90" aria-hidden>›</span>
          <span>{decision.sentence}</span>
          <span className={`block pl-4 text-[12px] ${ui.muted}`}>
            {decision.at}{decision.actor ? ` · by ${decision.actor.replace(/^hubspot-user:/, 'HubSpot user ')}` : ''}
          </span>
        </summary>
        <div className={`${ui.subtle} ml-4 mt-2 p-3 text-[12px]`}>
          <p>
            <span className="font-semibold">Decision:</span> {decision.kind} · {decision.outcome}
            {decision.contract ? <> · <span className="font-semibold">Contract:</span> {decision.contract}{decision.version ? ` v${decision.version}` : ''}</> : null}
          </p>
          <p className="mt-1 font-semibold">Inputs evaluated</p>
          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-[12px]">{decision.inputs}</pre>
        </div>
      </details>
    </li>
  );
}
