/** One finding: what is wrong (the reason), the evidence, the fix, and where to change it. */
import type { Finding } from './report-shape';
import { ui } from './audit-styles';

function Evidence({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return <p className="text-[13px] text-[#33475b]">{value}</p>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return <ul className="list-disc pl-5 text-[13px] text-[#33475b]">{value.map((v, i) => <li key={i}>{v}</li>)}</ul>;
  }
  return <pre className="overflow-x-auto rounded-[3px] bg-[#f5f8fa] p-2 text-[12px] text-[#33475b]">{JSON.stringify(value, null, 2)}</pre>;
}

export function FindingCard({ finding, href, linkLabel }: { finding: Finding; href: string | null; linkLabel: string }) {
  return (
    <article className="border-t border-[#eaf0f6] px-4 py-3 first:border-t-0" data-testid="finding">
      <p className="text-[14px] text-[#33475b]">{finding.message}</p>
      {finding.evidence !== undefined && (
        <div className="mt-2">
          <h5 className="mb-1 text-[12px] font-semibold uppercase tracking-wide text-[#516f90]">Evidence</h5>
          <Evidence value={finding.evidence} />
        </div>
      )}
      {finding.fix && (
        <div className="mt-2">
          <h5 className="mb-1 text-[12px] font-semibold uppercase tracking-wide text-[#516f90]">Fix</h5>
          <p className="text-[13px] text-[#33475b]">{finding.fix}</p>
        </div>
      )}
      {href && (
        <a className={`mt-2 inline-block text-[13px] ${ui.link}`} href={href} target="_blank" rel="noreferrer">
          {linkLabel} ↗
        </a>
      )}
    </article>
  );
}
