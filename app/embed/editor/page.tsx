import { embedClaimsFromParams } from '@/lib/hubspot/embed-claims';
import { readEditor } from '@/lib/runtime/contracts/read-editor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { EditorApp } from './editor-app';

export const dynamic = 'force-dynamic';

/**
 * The contract editor (HubSpot iframe, opened from the card's "Contracts" button). The proxy
 * already refused bad tokens; the page verifies again to read the portal it edits. Mutations go
 * through the control API with the same token, where roles are enforced.
 */
export default async function EditorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
  const data = await readEditor(webRuntime().db, BigInt(portalId));
  return (
    <main className="min-h-screen bg-[#f5f8fa] p-4 text-[#33475b] sm:p-6">
      <h1 className="mb-4 text-xl font-semibold">Contracts</h1>
      <EditorApp boot={{ token: String(params.token), portalId, ...data }} />
    </main>
  );
}
