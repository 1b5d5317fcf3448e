import { DemoSection } from './demo-section';
import { appDb } from '@/lib/app-db';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** Landing page: what Waymark is, the sandbox demo (sandbox mode), and where to go next. */
export default async function Home({ searchParams }: { searchParams: Promise<Search> }) {
  const config = env();
  const search = await searchParams;
  const signal = one(search.played);
  const contactId = one(search.contact);
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
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
      {config.isSandbox ? (
        <DemoSection db={appDb()} sandboxUrl={config.sandbox.url} played={signal && contactId ? { signal, contactId } : undefined} />
      ) : null}
      <ul className="mt-8 list-disc space-y-1 pl-6 text-indigo-700">
        <li>
          <a href="/api/hubspot/oauth/install">Install into a HubSpot portal</a>
        </li>
        <li>
          <a href="/api/health">Health</a>
        </li>
      </ul>
    </main>
  );
}
