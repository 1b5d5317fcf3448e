import { embedClaimsFromParams } from '@/lib/hubspot/embed-claims';
import { DoneButton } from '../done-button';

export const dynamic = 'force-dynamic';

/**
 * Minimal record panel (HubSpot iframe): proves the embed-token round trip. The proxy already
 * refused bad tokens with a 401; the page verifies again to read the claims it shows. The real
 * panel is built by the Embedded UI work.
 */
export default async function RecordPanel({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const verdict = embedClaimsFromParams(await searchParams);
  if (!verdict.ok) {
    return (
      <main className="p-6">
        <h1 className="text-lg font-semibold">Not authorised</h1>
        <p>This Waymark link is not valid or has expired. Open Waymark again from the HubSpot record.</p>
      </main>
    );
  }
  const { objectType, recordId, portalId } = verdict.claims;
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold" data-testid="record-panel-title">
        Waymark record panel for {objectType} {recordId} (portal {portalId})
      </h1>
      <DoneButton />
    </main>
  );
}
