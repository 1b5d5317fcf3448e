'use client';
import { useState } from 'react';
import { ActionResult } from '../_ui/action-result';
import { ui } from '../_ui/tokens';
import { useAction } from '../_ui/use-action';

/** "Retry action" for an action that failed for good: confirm, then it is queued again and logged with the HubSpot user. */
export function RetryAction({ token, runId, action }: { token: string; runId: string; action: { idempotencyKey: string; kind: string; stepId: string; error: string | null } }) {
  const [confirming, setConfirming] = useState(false);
  const { state, run } = useAction(token);
  return (
    <div className="space-y-2">
      <p>
        <span className="font-semibold">{action.kind.replace(/_/g, ' ')}</span> at step {action.stepId} failed{action.error ? `: ${action.error}` : ''}.
      </p>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>Try this action again now?</span>
          <button type="button" className={`${ui.primary} ${ui.focus}`} disabled={state.phase === 'busy'} onClick={() => void run(`/api/runs/${runId}/retry`, { idempotencyKey: action.idempotencyKey }, () => 'Retry queued; the result appears under Decisions.').then(() => setConfirming(false))}>Confirm retry</button>
          <button type="button" className={`${ui.secondary} ${ui.focus}`} onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      ) : (
        <button type="button" className={`${ui.secondary} ${ui.focus}`} onClick={() => setConfirming(true)}>Retry action</button>
      )}
      <ActionResult state={state} />
    </div>
  );
}
