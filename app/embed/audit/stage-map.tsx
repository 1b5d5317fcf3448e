'use client';

/**
 * The stage map as a picture, drawn by Mermaid (loaded only when this section renders, so the
 * page's first load stays small). Falls back to the Mermaid source if drawing fails.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { stageMapSource } from './stage-map-source';
import { ui } from './audit-styles';

export function StageMap({ stageMap }: { stageMap: unknown }) {
  const source = stageMapSource(stageMap);
  const target = useRef<HTMLDivElement>(null);
  const id = `stage-map-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    void (async () => {
      try {
        const mermaid = (await import('mermaid')).default;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'base', themeVariables: { fontFamily: 'ui-sans-serif, system-ui, sans-serif', fontSize: '13px' } });
        const { svg } = await mermaid.render(id, source);
        if (cancelled || !target.current) return;
        target.current.innerHTML = svg;
        setState('drawn');
      } catch {
        if (!cancelled) setState('failed');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source, id]);

  return (
    <section aria-labelledby="stage-map-heading" className={`${ui.card} p-4`}>
      <h2 id="stage-map-heading" className={`${ui.heading} mb-1`}>Stage map</h2>
      <p className={`${ui.muted} mb-3`}>Which workflows and contracts move records into each stage. Stages with several owners or none are highlighted.</p>
      {!source && <p className="text-[14px] text-[#33475b]">No workflow or contract writes a stage property.</p>}
      {source && state === 'drawing' && <p className={ui.muted}>Drawing the stage map…</p>}
      {source && state === 'failed' && <pre className="overflow-x-auto text-[12px]">{source}</pre>}
      {source && <div ref={target} data-testid="stage-map" role="img" aria-label="Stage map diagram" className="overflow-x-auto [&_svg]:max-w-none" />}
    </section>
  );
}
