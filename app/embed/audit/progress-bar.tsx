/** The running audit's progress: workflows read and checked out of the total. */
import type { AuditState } from './report-shape';
import { ui } from './audit-styles';

export function ProgressBar({ audit }: { audit: AuditState }) {
  const { total, read, checked } = audit.progress;
  // Reading is most of the work (HubSpot's rate-limited calls); checking follows in one pass.
  const percent = total === 0 ? (audit.status === 'queued' ? 0 : 5) : Math.round(((read + checked) / (2 * total)) * 100);
  const label = audit.status === 'queued' ? 'Waiting for a worker…' : total === 0 ? 'Listing workflows…' : `Workflows read ${read} of ${total} · checked ${checked} of ${total}`;
  return (
    <div className={`${ui.card} p-4`}>
      <div className="mb-2 flex items-center justify-between text-[14px] text-[#33475b]">
        <span className="font-semibold">Audit running</span>
        <span className={ui.muted}>{label}</span>
      </div>
      <div role="progressbar" aria-label="Audit progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label} className="h-2 overflow-hidden rounded-full bg-[#eaf0f6]">
        <div className="h-full rounded-full bg-[#00bda5] transition-all duration-300" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
