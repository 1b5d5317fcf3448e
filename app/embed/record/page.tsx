import type { Metadata } from 'next';
import { embedClaimsFromParams } from '@/lib/hubspot/embed-claims';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { loadPanelAccess } from '@/lib/runtime/panel/load-panel-access';
import { loadRecordPanel } from '@/lib/runtime/panel/load-record-panel';
import { EmbedHeader } from '../_ui/embed-header';
import { Notice } from '../_ui/notice';
import { Section } from '../_ui/section';
import { ui } from '../_ui/tokens';
import { DecisionItem } from './decision-item';
import { RolesSection } from './roles-section';
import { RunCard } from './run-card';
import { StartContract } from './start-contract';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Waymark · Record' };

const OBJECT_WORDS: Record<string, string> = { contact: 'contact', company: 'company', deal: 'deal', ticket: 'ticket' };

/**
 * The record panel (HubSpot iframe modal opened from the card): the record's runs, every decision
 * as a sentence, and the confirmed actions an editor may take. Authenticated by the card's embed
 * token (no cookies); the same token authorises the API calls the controls make.
 */
export default async function RecordPanel({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const verdict = embedClaimsFromParams(params);
  if (!verdict.ok) {
    return (
      <main className={ui.page}>
        <EmbedHeader title="Waymark" />
        <Notice tone="error" role="alert" title="This Waymark link is not valid or has expired">
          Close this window and open Waymark again from the card on the HubSpot record.
        </Notice>
      </main>
    );
  }
  const { objectType, recordId, portalId, userId } = verdict.claims;
  const token = typeof params.token === 'string' ? params.token : '';
  const deps = webRuntime();
  const input = { portalId: BigInt(portalId), objectType, recordId, now: deps.clock.now() };
  const loaded = await Promise.all([loadRecordPanel(deps.db, input), loadPanelAccess(deps.db, { portalId: input.portalId, userId })]).catch(() => null);
  if (!loaded) {
    return (
      <main className={ui.page}>
        <EmbedHeader title="Waymark" />
        <Notice tone="error" role="alert" title="Waymark could not load this record">Try again in a minute. If it keeps failing, check the app&apos;s status page.</Notice>
      </main>
    );
  }
  const [view, access] = loaded;
  const active = view.runs.filter((r) => r.status === 'active').length;
  const noun = OBJECT_WORDS[objectType] ?? objectType;
  return (
    <main className={ui.page}>
      <EmbedHeader title={`Waymark on this ${noun}`} subtitle={`Record ${recordId} · times in ${view.timeZone}`} />
      {access.canAct ? null : (
        <Notice tone="info" title="You can read this panel">
          Starting, exiting and retrying need the Waymark editor role{access.role ? ` (yours is ${access.role})` : ''}. Ask a Waymark admin in this portal to grant it.
        </Notice>
      )}
      <Section title="Runs" id="runs" aside={<span className={ui.muted}>{active} active · {view.runs.length - active} ended</span>}>
        {access.canAct && view.manualContracts.length ? (
          <div className="mb-3"><StartContract token={token} objectType={objectType} recordId={recordId} contracts={view.manualContracts} /></div>
        ) : null}
        {view.runs.length ? (
          <ul className="space-y-3">{view.runs.map((run) => <RunCard key={run.id} run={run} token={token} canAct={access.canAct} />)}</ul>
        ) : (
          <Notice tone="empty" title={`No contract has run on this ${noun} yet`}>
            {view.manualContracts.length && access.canAct ? 'Start a manual contract above, or wait for a live contract\u2019s trigger.' : 'A run starts when a live contract\u2019s trigger fires for this record. Publish one from the Contracts button on the card.'}
          </Notice>
        )}
      </Section>
      <Section title="Decisions" id="decisions" aside={<span className={ui.muted}>newest first · click one to see its inputs</span>}>
        {view.decisions.length ? (
          <ol className={`${ui.panel} divide-y divide-[#dfe3eb] px-4`}>{view.decisions.map((d) => <DecisionItem key={d.id} decision={d} />)}</ol>
        ) : (
          <Notice tone="empty" title="No decisions yet">Every trigger, entry check, step and exit Waymark evaluates for this record will be listed here in plain words.</Notice>
        )}
      </Section>
      {access.isAdmin ? (
        <Section title="Roles" id="roles" aside={<span className={ui.muted}>admins only</span>}>
          <RolesSection token={token} roles={access.roles} />
        </Section>
      ) : null}
    </main>
  );
}
