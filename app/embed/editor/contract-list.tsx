'use client';
/** The portal's contracts: status, live version and active runs; choosing one opens it in the editor. */
import type { ContractRowView } from './editor-types';

const STATUS_STYLE: Record<ContractRowView['status'], string> = {
  live: 'bg-[#e5f5f8] text-[#0091ae]',
  draft: 'bg-[#eaf0f6] text-[#516f90]',
  paused: 'bg-[#fef8f0] text-[#b36b00]',
  retired: 'bg-[#f5f8fa] text-[#7c98b6]',
};

export function ContractList({ contracts, selected, onSelect, onNew }: {
  contracts: ContractRowView[];
  selected: string | null;
  onSelect: (key: string) => void;
  onNew: () => void;
}) {
  return (
    <nav aria-label="Contracts" className="rounded border border-[#cbd6e2] bg-white">
      <div className="flex items-center justify-between border-b border-[#cbd6e2] px-3 py-2">
        <h2 className="text-sm font-semibold">Contracts</h2>
        <button type="button" onClick={onNew} className="rounded border border-[#cbd6e2] px-2 py-1 text-xs font-medium hover:bg-[#f5f8fa] focus-visible:outline-2 focus-visible:outline-[#0091ae]">
          New contract
        </button>
      </div>
      {contracts.length === 0 ? (
        <p className="px-3 py-4 text-sm text-[#516f90]">No contracts yet. Start one with “New contract”.</p>
      ) : (
        <ul>
          {contracts.map((c) => (
            <li key={c.key} className="border-b border-[#eaf0f6] last:border-b-0">
              <button
                type="button"
                aria-current={selected === c.key ? 'true' : undefined}
                onClick={() => onSelect(c.key)}
                className={`w-full px-3 py-2 text-left text-sm hover:bg-[#f5f8fa] focus-visible:outline-2 focus-visible:outline-[#0091ae] ${selected === c.key ? 'bg-[#f5f8fa] shadow-[inset_3px_0_0_#ff7a59]' : ''}`}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{c.name}</span>
                  <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${STATUS_STYLE[c.status]}`}>{c.status}</span>
                </span>
                <span className="mt-0.5 block text-xs text-[#516f90]">
                  {c.key} · {c.liveVersion === null ? 'never published' : `v${c.liveVersion} live`} · {c.activeRuns} active run{c.activeRuns === 1 ? '' : 's'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
