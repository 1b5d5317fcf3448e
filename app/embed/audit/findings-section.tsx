/** The "Findings" region: grouped by severity, then rule, then the workflow or contract. */
import { FindingCard } from './finding-card';
import { groupFindings, type Finding, type Subject } from './report-shape';
import { severityStyle, ui } from './audit-styles';

export interface SubjectLinks {
  /** Where a subject is changed: the workflow in HubSpot, the contract in the editor. */
  href(subject: Subject): string | null;
  label(subject: Subject): string;
}

const KIND_LABEL: Record<string, string> = { workflow: 'Workflow', contract: 'Contract', stage: 'Stage', run: 'Run', portal: 'Portal' };

export function FindingsSection({ findings, links }: { findings: readonly Finding[]; links: SubjectLinks }) {
  const groups = groupFindings(findings);
  return (
    <section aria-labelledby="findings-heading" className="space-y-4">
      <h2 id="findings-heading" className={ui.heading}>Findings</h2>
      {groups.length === 0 && (
        <div className={`${ui.card} p-6 text-center`}>
          <p className="text-[14px] font-semibold text-[#33475b]">No findings</p>
          <p className={ui.muted}>Every rule passed for this portal&apos;s workflows, contracts and runtime.</p>
        </div>
      )}
      {groups.map((group) => (
        <div key={group.severity} className="space-y-3">
          <h3 className="flex items-center gap-2 text-[14px] font-semibold text-[#33475b]">
            <span className={`rounded-[3px] border px-2 py-0.5 text-[12px] ${severityStyle[group.severity].chip}`}>{severityStyle[group.severity].label}</span>
            {group.rules.reduce((n, r) => n + r.subjects.reduce((m, s) => m + s.findings.length, 0), 0)} findings
          </h3>
          {group.rules.map((rule) => (
            <div key={rule.rule} className={ui.card}>
              <h4 className="border-b border-[#cbd6e2] bg-[#f5f8fa] px-4 py-2 font-mono text-[13px] font-semibold text-[#33475b]">{rule.rule}</h4>
              {rule.subjects.map(({ subject, findings: items }) => (
                <div key={`${subject.kind}:${subject.id}`} className="border-b border-[#eaf0f6] last:border-b-0">
                  <div className="px-4 pt-3 text-[13px] text-[#516f90]">
                    {KIND_LABEL[subject.kind] ?? subject.kind} · <span className="font-semibold text-[#33475b]">{subject.name ?? subject.id}</span>
                    {subject.name && subject.id && <span className="ml-1 text-[12px]">({subject.id})</span>}
                  </div>
                  {items.map((finding, index) => (
                    <FindingCard key={index} finding={finding} href={links.href(subject)} linkLabel={links.label(subject)} />
                  ))}
                </div>
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
