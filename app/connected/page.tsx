import { connectedInstallation } from '@/lib/runtime/install/connected-installation';

export const dynamic = 'force-dynamic';

/** Where the OAuth callback lands the user: which portal is connected, with which scopes. */
export default async function Connected({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const installation = await connectedInstallation(await searchParams);
  if (!installation) {
    return (
      <main className="mx-auto max-w-2xl px-6 py-16">
        <h1 className="text-2xl font-bold">Link expired</h1>
        <p className="mt-4 text-slate-700">
          This page confirms a fresh installation and its link is valid for 15 minutes.{' '}
          <a className="text-indigo-700 underline" href="/api/hubspot/oauth/install">
            Install Waymark again
          </a>{' '}
          to see it.
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Waymark</p>
      <h1 className="mt-2 text-3xl font-bold" data-testid="connected-title">
        Waymark is connected to portal {installation.portalId}
      </h1>
      {installation.hubDomain ? <p className="mt-2 text-slate-600">{installation.hubDomain}</p> : null}
      <h2 className="mt-8 font-semibold">Granted scopes</h2>
      <ul className="mt-2 list-disc pl-6 text-sm" data-testid="connected-scopes">
        {installation.scopes.map((scope) => (
          <li key={scope}>{scope}</li>
        ))}
      </ul>
      <p className="mt-8 text-slate-700">Open a contact, company or deal in HubSpot to see Waymark&apos;s card.</p>
    </main>
  );
}
