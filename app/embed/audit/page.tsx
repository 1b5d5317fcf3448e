import { env } from '@/lib/env';
import { embedClaimsFromParams } from '@/lib/hubspot/embed-claims';
import { latestAudits } from '@/lib/runtime/audit/read-audits';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { AuditApp } from './audit-app';
import type { AuditState } from './report-shape';

export const dynamic = 'force-dynamic';

/**
 * The portal audit (HubSpot iframe, opened from the card's "Audit" button): the latest report
 * and its diff, and "Run audit" with live progress. The proxy already refused bad tokens; the
 * page verifies again to read the portal it is about.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const verdict = embedClaimsFromParams(params);
  if (!verdict.ok) {
    return (
      <main className="p-6 text-[#33475b]">
        <h1 className="text-lg font-semibold">Not authorised</h1>
        <p>This Waymark link is not valid or has expired. Open Waymark again from the HubSpot record.</p>
      </main>
    );
  }
  const { portalId } = verdict.claims;
  const audits = await latestAudits(webRuntime(), BigInt(portalId));
  return (
    <main className="min-h-screen bg-[#f5f8fa] p-6">
      <AuditApp
        token={String(params.token)}
        portalId={portalId}
        hubspotAppBase={env().hubspot.appBase}
        latest={audits.latest as AuditState | null}
        lastFinished={audits.lastFinished as AuditState | null}
      />
    </main>
  );
}
