'use client';
/**
 * The contract editor (HubSpot iframe, opened from the card's "Contracts" button): the portal's
 * contracts, the source (JSON or YAML view of one value), findings linted as you type with the
 * CLI's linter, the live path diagram, "Save draft" and "Publish" (disabled while errors remain).
 */
import { useMemo, useRef, useState } from 'react';
import type { Finding } from '@/lib/contracts/finding';
import { sourceLocator } from '@/lib/contracts/source-location';
import { ContractList } from './contract-list';
import type { EditorBoot } from './editor-types';
import { FindingsPanel } from './findings-panel';
import { lintSource } from './lint-source';
import { PathDiagram } from './path-diagram';
import { PublishPanel } from './publish-panel';
import { convertSource, renderSource, type SourceFormat } from './source-format';

const NEW_CONTRACT = { contract: 1, key: 'new-contract', name: 'New contract', object: 'contact', trigger: { event: 'record_created' }, steps: [], exits: [] };

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}

export function EditorApp({ boot }: { boot: EditorBoot }) {
  const first = boot.contracts[0];
  const initialSource = (key: string | undefined) => {
    const row = boot.contracts.find((c) => c.key === key);
    return renderSource(row?.draft ?? (key ? boot.live[key] : undefined) ?? NEW_CONTRACT, 'json');
  };
  const [selected, setSelected] = useState<string | null>(first?.key ?? null);
  const [format, setFormat] = useState<SourceFormat>('json');
  const [text, setText] = useState(() => initialSource(first?.key));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const others = useMemo(() => Object.entries(boot.live).filter(([k]) => k !== selected).map(([, v]) => v), [boot.live, selected]);
  // The clock is read once per keystroke render; the linter itself never reads it.
  const lint = useMemo(() => lintSource(text, others, boot.stageOrders, new Date()), [text, others, boot.stageOrders]);

  const open = (key: string | null) => {
    setSelected(key);
    setFormat('json');
    setText(initialSource(key ?? undefined));
    setMessage(null);
  };
  const switchFormat = (to: SourceFormat) => {
    if (to === format) return;
    const converted = convertSource(text, to);
    if (converted === undefined) return setMessage({ tone: 'error', text: `Fix the syntax first: the ${format.toUpperCase()} does not parse, so it cannot be shown as ${to.toUpperCase()}.` });
    setFormat(to);
    setText(converted);
  };
  const pick = (finding: Finding) => {
    const el = area.current;
    if (!el) return;
    const region = sourceLocator(text)(finding.path);
    el.focus();
    el.setSelectionRange(offsetOf(text, region.startLine, region.startColumn), offsetOf(text, region.endLine, region.endColumn));
  };
  const call = async (url: string, method: string, body: unknown) => {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${boot.token}` }, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as { error?: string; version?: number; status?: string };
    return { ok: res.ok, json };
  };
  const saveDraft = async () => {
    const key = lint.parsed.contract?.key;
    if (!key) return setMessage({ tone: 'error', text: 'The source needs a key before it can be saved.' });
    const { ok, json } = await call(`/api/contracts/${encodeURIComponent(key)}/draft`, 'PUT', { source: text });
    setMessage(ok ? { tone: 'ok', text: `Draft saved (the contract stays ${json.status}; a draft never runs).` } : { tone: 'error', text: json.error ?? 'Saving failed' });
  };
  const publish = async (versionPolicy: 'drain' | 'migrate') => {
    const { ok, json } = await call('/api/contracts', 'POST', { contract: text, versionPolicy });
    if (!ok) return setMessage({ tone: 'error', text: json.error ?? 'Publishing failed' });
    setMessage({ tone: 'ok', text: `Published: version ${json.version} is live.` });
    window.location.reload();
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[280px_minmax(0,1fr)]">
      <ContractList contracts={boot.contracts} selected={selected} onSelect={open} onNew={() => open(null)} />
      <div className="grid min-w-0 gap-4">
        <section aria-label="Source" className="rounded border border-[#cbd6e2] bg-white">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-[#cbd6e2] px-3 py-2">
            <h2 className="text-sm font-semibold">{lint.parsed.contract?.name ?? 'Contract'} <span className="font-normal text-[#7c98b6]">{lint.parsed.contract?.key}</span></h2>
            <div role="group" aria-label="Source format" className="flex overflow-hidden rounded border border-[#cbd6e2] text-xs">
              {(['json', 'yaml'] as const).map((f) => (
                <button key={f} type="button" aria-pressed={format === f} onClick={() => switchFormat(f)} className={`px-3 py-1 font-medium ${format === f ? 'bg-[#0091ae] text-white' : 'bg-white hover:bg-[#f5f8fa]'}`}>
                  {f.toUpperCase()}
                </button>
              ))}
            </div>
          </div>
          <textarea
            ref={area}
            aria-label="Contract source"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="block h-96 w-full resize-y bg-[#f5f8fa] p-3 font-mono text-xs leading-5 text-[#33475b] focus:outline-2 focus:outline-[#0091ae]"
          />
          <div className="flex flex-wrap items-center gap-2 border-t border-[#cbd6e2] px-3 py-2">
            <button type="button" onClick={() => void saveDraft()} className="rounded border border-[#cbd6e2] bg-white px-3 py-1.5 text-sm font-medium hover:bg-[#f5f8fa] focus-visible:outline-2 focus-visible:outline-[#0091ae]">
              Save draft
            </button>
            <PublishPanel errors={lint.errors} portalFindings={lint.portal} onPublish={publish} />
            {message && (
              <p role="status" className={`text-sm ${message.tone === 'ok' ? 'text-[#00a4bd]' : 'text-[#d9363e]'}`}>
                {message.text}
              </p>
            )}
          </div>
        </section>
        <FindingsPanel findings={lint.mine} ms={lint.ms} onPick={pick} />
        <PathDiagram draft={lint.parsed.contract} findings={lint.mine} />
      </div>
    </div>
  );
}
