/** The report's headline: portal score, findings per severity, when and with which rules. */
import type { AuditState, Finding } from './report-shape';
import { severityStyle, ui } from './audit-styles';

export function ReportSummary({ audit, findings }: { audit: AuditState; findings: readonly Finding[] }) {
  const score = audit.score ?? audit.report?.score ?? null;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const colour = score === null ? '#33475b' : score >= 80 ? '#00a38d' : score >= 50 ? '#b36b00' : '#c3282e';
  return (
    <section aria-label="Summary" className={`${ui.card} flex items-center gap-8 p-4`}>
      <div>
        <p className="text-[12px] font-semibold uppercase tracking-wide text-[#516f90]">Portal score</p>
        <p className="text-[36px] font-light leading-none" style={{ color: colour }} data-testid="portal-score">{score ?? '–'}<span className="text-[16px] text-[#516f90]">/100</span></p>
      </div>
      <div className="flex gap-3">
        {(['error', 'warning', 'info'] as const).map((s) => (
          <span key={s} className={`rounded-[3px] border px-2 py-1 text-[13px] ${severityStyle[s].chip}`}>{count(s)} {severityStyle[s].label.toLowerCase()}{count(s) === 1 ? '' : 's'}</span>
        ))}
      </div>
      <p className={`${ui.muted} ml-auto text-right`}>
        Audited {audit.auditedAt ? new Date(audit.auditedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '–'}
        <br />
        {audit.progress.total} workflows · rules {audit.ruleSetVersion ?? '–'}
      </p>
    </section>
  );
}
