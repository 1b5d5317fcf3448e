'use client';
/** The "Findings" region: each finding's rule, reason and fix; choosing one moves focus to its place in the source. */
import type { Finding } from '@/lib/contracts/finding';

const SEVERITY_STYLE = {
  error: 'bg-[#fde8e9] text-[#d9363e]',
  warning: 'bg-[#fef8f0] text-[#b36b00]',
  info: 'bg-[#e5f5f8] text-[#0091ae]',
} as const;

export function FindingsPanel({ findings, ms, onPick }: { findings: Finding[]; ms: number; onPick: (finding: Finding) => void }) {
  return (
    <section aria-label="Findings" className="rounded border border-[#cbd6e2] bg-white">
      <div className="flex items-center justify-between border-b border-[#cbd6e2] px-3 py-2">
        <h2 className="text-sm font-semibold">Findings ({findings.length})</h2>
        <span className="text-xs text-[#7c98b6]">linted in {ms.toFixed(0)} ms</span>
      </div>
      {findings.length === 0 ? (
        <p className="px-3 py-3 text-sm text-[#00a4bd]">No findings: this contract can be published.</p>
      ) : (
        <ul className="max-h-72 overflow-auto">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.path}-${i}`} className="border-b border-[#eaf0f6] last:border-b-0">
              <button type="button" onClick={() => onPick(f)} className="w-full px-3 py-2 text-left text-sm hover:bg-[#f5f8fa] focus-visible:outline-2 focus-visible:outline-[#0091ae]">
                <span className="flex items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${SEVERITY_STYLE[f.severity]}`}>{f.severity}</span>
                  <code className="text-xs font-semibold">{f.rule}</code>
                  <code className="truncate text-xs text-[#7c98b6]">{f.path || '/'}</code>
                </span>
                <span className="mt-1 block">{f.message}</span>
                {f.fix && <span className="mt-0.5 block text-xs text-[#516f90]">Fix: {f.fix}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
