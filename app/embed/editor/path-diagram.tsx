'use client';
/**
 * Live diagram of the contract's path (mermaid, loaded in the browser only): steps as nodes,
 * next/failure/timeout/else/goal edges drawn distinctly by lib/contracts' renderMermaid, exits
 * terminal, and every step a finding points into marked in red.
 */
import { useEffect, useId, useState } from 'react';
import type { ContractDraft } from '@/lib/contracts/draft';
import type { Finding } from '@/lib/contracts/finding';
import { renderMermaid } from '@/lib/contracts/docs/render-mermaid';

/** Step indexes that findings point into (`/steps/3/else` → 3). */
export function markedSteps(findings: readonly Finding[]): number[] {
  const marked = new Set<number>();
  for (const f of findings) {
    const m = /^\/steps\/(\d+)(\/|$)/.exec(f.path);
    if (m && f.severity !== 'info') marked.add(Number(m[1]));
  }
  return [...marked].sort((a, b) => a - b);
}

export function diagramSource(draft: ContractDraft, findings: readonly Finding[]): string {
  const marked = markedSteps(findings).filter((i) => i < (draft.steps?.length ?? 0));
  const lines = [renderMermaid(draft), '  classDef finding fill:#fde8e9,stroke:#d9363e,stroke-width:3px,color:#33475b'];
  if (marked.length > 0) lines.push(`  class ${marked.map((i) => `n${i}`).join(',')} finding`);
  return lines.join('\n');
}

export function PathDiagram({ draft, findings }: { draft: ContractDraft | undefined; findings: readonly Finding[] }) {
  const [svg, setSvg] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `path-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const source = draft ? diagramSource(draft, findings) : '';
  const marked = draft ? markedSteps(findings) : [];
  useEffect(() => {
    if (!source) return;
    let live = true;
    void (async () => {
      try {
        const mermaid = (await import('mermaid')).default;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'base', themeVariables: { primaryColor: '#f5f8fa', primaryBorderColor: '#cbd6e2', primaryTextColor: '#33475b', lineColor: '#516f90', fontFamily: 'inherit' } });
        const out = await mermaid.render(id, source);
        if (live) {
          setSvg(out.svg);
          setProblem(null);
        }
      } catch (error) {
        if (live) setProblem(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      live = false;
    };
  }, [id, source]);
  return (
    <section aria-label="Path diagram" className="rounded border border-[#cbd6e2] bg-white">
      <div className="flex items-center justify-between border-b border-[#cbd6e2] px-3 py-2">
        <h2 className="text-sm font-semibold">Path</h2>
        <span className="text-xs text-[#7c98b6]" data-testid="diagram-marked">
          {marked.length === 0 ? 'no step has a finding' : `${marked.length} step${marked.length === 1 ? '' : 's'} marked`}
        </span>
      </div>
      {!draft ? (
        <p className="px-3 py-3 text-sm text-[#516f90]">The diagram appears once the source parses.</p>
      ) : problem ? (
        <p className="px-3 py-3 text-sm text-[#d9363e]">The diagram could not be drawn: {problem}</p>
      ) : (
        // mermaid renders with securityLevel strict (labels are escaped), so its SVG is safe to insert.
        <div className="overflow-auto p-3 [&_svg]:mx-auto [&_svg]:max-w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
    </section>
  );
}
