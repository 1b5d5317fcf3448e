import type { PanelRun } from '@/lib/runtime/panel/load-record-panel';
import { Pill, type PillTone } from '../_ui/pill';
import { ui } from '../_ui/tokens';
import { ExitRun } from './exit-run';
import { RetryAction } from './retry-action';

const OUTCOME_TONE: Record<string, PillTone> = { success: 'success', failure: 'failure', neutral: 'neutral' };

/** One run: contract, version, status, step, next wake-up, lanes, exit; and its actions for editors. */
export function RunCard({ run, token, canAct }: { run: PanelRun; token: string; canAct: boolean }) {
  const tone = run.status === 'active' ? 'active' : (OUTCOME_TONE[run.exit?.outcome ?? ''] ?? 'neutral');
  return (
    <li className={`${ui.panel} p-4`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-[15px] font-semibold">{run.contractName} <span className={`font-normal ${ui.muted}`}>v{run.version}</span></h3>
        <Pill tone={tone}>{run.status === 'active' ? 'Active' : `Exited${run.exit?.outcome ? ` · ${run.exit.outcome}` : ''}`}</Pill>
      </div>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className={ui.muted}>Started</dt><dd>{run.started}</dd>
        {run.status === 'active' ? (<><dt className={ui.muted}>Current step</dt><dd>{run.currentStep ?? '–'}</dd></>) : null}
        {run.nextWake ? (<><dt className={ui.muted}>Next wake-up</dt><dd>{run.nextWake.local} <span className={ui.muted}>({run.nextWake.relative})</span></dd></>) : null}
        {run.status === 'active' ? (<><dt className={ui.muted}>Lanes held</dt><dd>{run.lanes.length ? run.lanes.join(', ') : 'none'}</dd></>) : null}
        {run.exit ? (<><dt className={ui.muted}>Exit</dt><dd>{run.exit.id}{run.exit.at ? ` · ${run.exit.at}` : ''}{run.exit.reason ? <span className="block">{run.exit.reason}</span> : null}</dd></>) : null}
      </dl>
      {canAct && (run.status === 'active' || run.failedActions.length) ? (
        <div className="mt-3 space-y-3 border-t border-[#dfe3eb] pt-3">
          {run.failedActions.map((a) => <RetryAction key={a.idempotencyKey} token={token} runId={run.id} action={a} />)}
          {run.status === 'active' && run.exits.length ? <ExitRun token={token} runId={run.id} contractName={run.contractName} exits={run.exits} /> : null}
        </div>
      ) : null}
    </li>
  );
}
