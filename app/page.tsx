import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** Landing page of the standalone app: what Waymark is and where to go next. */
export default function Home() {
  const config = env();
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Waymark</p>
      <h1 className="mt-2 text-3xl font-bold">Workflow contracts for HubSpot</h1>
      <p className="mt-4 text-slate-700">
        Every repeatable CRM path as a contract: a trigger, an entry filter, timed actions, branch logic, a declared
        exit state and documentation, enforced at run time and audited before it goes live.
      </p>
      <dl className="mt-8 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">Mode</dt>
        <dd data-testid="mode">{config.mode}</dd>
        <dt className="text-slate-500">HubSpot API</dt>
        <dd>{config.hubspot.apiBase}</dd>
      </dl>
      <ul className="mt-8 list-disc space-y-1 pl-6 text-indigo-700">
        <li>
          <a href="/api/health">Health</a>
        </li>
        <li>
          <a href="/api/hubspot/oauth/install">Install into a HubSpot portal</a>
        </li>
      </ul>
    </main>
  );
}
