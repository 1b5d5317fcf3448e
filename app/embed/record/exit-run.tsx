'use client';
import { useId, useState } from 'react';
import { ActionResult } from '../_ui/action-result';
import { ui } from '../_ui/tokens';
import { useAction } from '../_ui/use-action';

/** "Exit run": choose a declared exit, give a reason, confirm. The decision is logged with the HubSpot user. */
export function ExitRun({ token, runId, contractName, exits }: { token: string; runId: string; contractName: string; exits: { id: string; outcome: string; note: string | null }[] }) {
  const [open, setOpen] = useState(false);
  const [exitId, setExitId] = useState(exits[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const { state, run, reset } = useAction(token);
  const id = useId();
  if (!open) {
    return (
      <div className="space-y-2">
        <button type="button" className={`${ui.secondary} ${ui.focus}`} onClick={() => { reset(); setOpen(true); }}>Exit run</button>
        <ActionResult state={state} />
      </div>
    );
  }
  const busy = state.phase === 'busy';
  return (
    <form
      className={`${ui.subtle} space-y-3 p-3`}
      aria-label={`Exit ${contractName}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(`/api/runs/${runId}/exit`, { exitId, reason }, () => `Run ended through ${exitId}.`).then(() => setOpen(false));
      }}
    >
      <div>
        <label htmlFor={`${id}-exit`} className={ui.label}>Exit through</label>
        <select id={`${id}-exit`} className={ui.input} value={exitId} onChange={(e) => setExitId(e.target.value)}>
          {exits.map((x) => <option key={x.id} value={x.id}>{x.id} ({x.outcome}){x.note ? ` – ${x.note}` : ''}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-reason`} className={ui.label}>Reason (logged with your name)</label>
        <textarea id={`${id}-reason`} className={ui.input} rows={2} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Spoke on the phone; no more emails" />
      </div>
      <p className={ui.muted}>This ends the run of {contractName} now and runs the exit&apos;s effects.</p>
      <div className="flex gap-2">
        <button type="submit" className={`${ui.danger} ${ui.focus}`} disabled={busy || !reason.trim()}>{busy ? 'Ending…' : 'Confirm exit'}</button>
        <button type="button" className={`${ui.secondary} ${ui.focus}`} onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
