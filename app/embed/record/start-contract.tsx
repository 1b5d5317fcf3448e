'use client';
import { useId, useState } from 'react';
import { ActionResult } from '../_ui/action-result';
import { ui } from '../_ui/tokens';
import { useAction } from '../_ui/use-action';

/** "Start contract": pick a manual-trigger contract, confirm; entry rules still apply and the decision is logged. */
export function StartContract({ token, objectType, recordId, contracts }: { token: string; objectType: string; recordId: string; contracts: { key: string; name: string }[] }) {
  const [key, setKey] = useState(contracts[0]?.key ?? '');
  const [confirming, setConfirming] = useState(false);
  const { state, run } = useAction(token);
  const id = useId();
  const name = contracts.find((c) => c.key === key)?.name ?? key;
  return (
    <div className={`${ui.panel} space-y-2 p-3`}>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor={id} className={ui.label}>Manual contract</label>
          <select id={id} className={ui.input} value={key} onChange={(e) => { setKey(e.target.value); setConfirming(false); }}>
            {contracts.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </div>
        {confirming ? null : <button type="button" className={`${ui.primary} ${ui.focus}`} onClick={() => setConfirming(true)}>Start contract</button>}
      </div>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span>Start {name} on this record? Its entry rules still apply.</span>
          <button
            type="button"
            className={`${ui.primary} ${ui.focus}`}
            disabled={state.phase === 'busy'}
            onClick={() => void run('/api/runs', { contractKey: key, objectType, recordId }, () => `${name} started on this record.`).then(() => setConfirming(false))}
          >
            Confirm start
          </button>
          <button type="button" className={`${ui.secondary} ${ui.focus}`} onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      ) : null}
      <ActionResult state={state} />
    </div>
  );
}
