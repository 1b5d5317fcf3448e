'use client';

/**
 * The audit page's live part: "Run audit" starts an audit through the API (the card's embed
 * token authenticates every call), a progress bar follows it by polling, and the finished
 * report replaces the previous one. The last finished report stays visible while a new one runs.
 */
import { useCallback, useEffect, useState } from 'react';
import { DiffSummary } from './diff-summary';
import { FindingsSection, type SubjectLinks } from './findings-section';
import { ProgressBar } from './progress-bar';
import { findingsOf, type AuditState } from './report-shape';
import { ReportSummary } from './report-summary';
import { RuntimeHealth } from './runtime-health';
import { StageMap } from './stage-map';
import { ui } from './audit-styles';

const POLL_MS = 700;

export interface AuditAppProps {
  token: string;
  portalId: string;
  /** HubSpot's app origin (the sandbox in sandbox mode), for workflow links. */
  hubspotAppBase: string;
  latest: AuditState | null;
  lastFinished: AuditState | null;
}

export function AuditApp({ token, portalId, hubspotAppBase, latest, lastFinished }: AuditAppProps) {
  const [running, setRunning] = useState<AuditState | null>(latest && (latest.status === 'queued' || latest.status === 'running') ? latest : null);
  const [shown, setShown] = useState<AuditState | null>(lastFinished);
  const [error, setError] = useState<string | null>(latest?.status === 'failed' ? `The last audit failed: ${latest.error ?? 'unknown reason'}` : null);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const poll = useCallback(async (id: string) => {
    const response = await fetch(`/api/audits/${id}?portalId=${portalId}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`Reading the audit failed (${response.status})`);
    return (await response.json()) as AuditState;
  }, [portalId, token]);

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setTimeout(() => {
      poll(running.id).then((audit) => {
        if (stopped) return;
        if (audit.status === 'done') {
          setShown(audit);
          setRunning(null);
        } else if (audit.status === 'failed') {
          setError(`The audit failed: ${audit.error ?? 'unknown reason'}`);
          setRunning(null);
        } else setRunning(audit);
      }, (e: unknown) => !stopped && setError(String((e as Error).message)));
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [running, poll]);

  async function start() {
    setError(null);
    const response = await fetch(`/api/audits?portalId=${portalId}`, { method: 'POST', headers, body: '{}' });
    if (response.status !== 202) {
      setError(`Starting the audit failed (${response.status}).`);
      return;
    }
    const { auditId } = (await response.json()) as { auditId: string };
    setRunning(await poll(auditId));
  }

  const links: SubjectLinks = {
    href: (subject) =>
      subject.kind === 'workflow' && subject.id ? `${hubspotAppBase}/workflows/${portalId}/platform/flow/${encodeURIComponent(subject.id)}/edit`
        : subject.kind === 'contract' && subject.id ? `/embed/editor?token=${encodeURIComponent(token)}&contract=${encodeURIComponent(subject.id)}`
          : null,
    label: (subject) => (subject.kind === 'workflow' ? 'Open the workflow in HubSpot' : 'Open the contract in the editor'),
  };
  const findings = findingsOf(shown?.report ?? null);
  const exportHref = (format: string) => `/api/audits/${shown?.id}/export?portalId=${portalId}&format=${format}&token=${encodeURIComponent(token)}`;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-[22px] font-semibold text-[#33475b]">Portal audit</h1>
          <p className={ui.muted}>Native HubSpot workflows, Waymark contracts and the runtime, checked together.</p>
        </div>
        <div className="flex items-center gap-2">
          {shown && (
            <nav aria-label="Export" className="flex gap-2">
              <a className={ui.secondary} href={exportHref('markdown')} download>Export Markdown</a>
              <a className={ui.secondary} href={exportHref('csv')} download>Export CSV</a>
              <a className={ui.secondary} href={exportHref('sarif')} download>Export SARIF</a>
            </nav>
          )}
          <button type="button" className={ui.primary} onClick={() => void start()} disabled={running !== null}>
            Run audit
          </button>
        </div>
      </div>
      {error && <div role="alert" className="rounded-[3px] border border-[#f2545b] bg-[#fde8e9] px-4 py-3 text-[14px] text-[#33475b]">{error}</div>}
      {running && <ProgressBar audit={running} />}
      {!shown && !running && (
        <div className={`${ui.card} p-8 text-center`}>
          <p className="text-[16px] font-semibold text-[#33475b]">No audit yet</p>
          <p className={`${ui.muted} mt-1`}>Run an audit to read every native workflow of this portal and check it with the contracts and the runtime.</p>
        </div>
      )}
      {shown && (
        <>
          <ReportSummary audit={shown} findings={findings} />
          <DiffSummary diff={shown.diff} hasPrevious={shown.diff !== null && shown.diff !== undefined} />
          <FindingsSection findings={findings} links={links} />
          <StageMap stageMap={shown.report?.stageMap} />
          <RuntimeHealth runtime={shown.report?.runtime} findings={findings} />
        </>
      )}
    </div>
  );
}
