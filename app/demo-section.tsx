import { ClockControls } from './dev/clock/clock-controls';
import type { Db } from '@/lib/db/prisma';
import { DEMO_FIRST_CONTACT_EMAIL, DEMO_PORTAL_ID } from '@/lib/demo/demo-portal';
import { demoRunSummaries } from '@/lib/demo/demo-runs';
import { demoStatus } from '@/lib/demo/demo-status';
import { DEMO_SIGNALS, isDemoSignal, listDemoContacts, recordPageUrl, type DemoContact, type DemoSignal } from '@/lib/demo/sandbox-control';

const STAGES: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing qualified lead',
  salesqualifiedlead: 'Sales qualified lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
};

/** Sandbox mode's "Try the demo": the demo portal's contacts, their record pages, demo signals and the clock. */
export async function DemoSection({ db, sandboxUrl, played }: { db: Db; sandboxUrl: string; played?: { signal: string; contactId: string } }) {
  const [contacts, status, runs] = await Promise.all([
    listDemoContacts(sandboxUrl, DEMO_PORTAL_ID, 3_000).catch(() => null),
    demoStatus(db, DEMO_PORTAL_ID),
    demoRunSummaries(db, DEMO_PORTAL_ID),
  ]);
  const first = contacts?.find((c) => c.email === DEMO_FIRST_CONTACT_EMAIL) ?? contacts?.[0];
  const playedContact = played && contacts?.find((c) => c.id === played.contactId);
  const playedLabel = played && isDemoSignal(played.signal) ? DEMO_SIGNALS[played.signal].toLowerCase() : undefined;
  return (
    <section id="try-the-demo" aria-labelledby="try-the-demo-title" className="mt-10 rounded-lg border border-indigo-200 bg-white p-6">
      <h2 id="try-the-demo-title" className="text-xl font-semibold">
        Try the demo
      </h2>
      <p className="mt-2 text-sm text-slate-600" data-testid="demo-status">
        {status.installed ? `Waymark is installed in demo portal ${DEMO_PORTAL_ID}` : `Installing Waymark into demo portal ${DEMO_PORTAL_ID}… reload in a moment`}
        {' · '}
        {status.liveContracts.length > 0 ? `live contracts: ${status.liveContracts.join(', ')}` : 'no contract is live yet'}
      </p>
      <ol className="mt-4 list-decimal space-y-1 pl-6 text-slate-700">
        <li>
          Open {first ? first.name : 'a contact'}&apos;s record page (a new tab): Waymark&apos;s card is on the right (no run yet).
        </li>
        <li>Click &ldquo;{DEMO_SIGNALS['no-show']}&rdquo; next to the same contact: the no-show rebooking contract enrolls them.</li>
        <li>Fast-forward the clock +10 minutes: the rebooking email goes out (once; see the record&apos;s timeline).</li>
        <li>Fast-forward +3 days: no answer, so the run exits &ldquo;exit-silent&rdquo; and hands over to long-term nurture. Or click &ldquo;{DEMO_SIGNALS['book-meeting']}&rdquo; first: it exits &ldquo;exit-booked&rdquo;.</li>
      </ol>
      <p className="mt-2 text-sm text-slate-600">
        Reload the record page tab (or this page) after each step to see the card, the timeline and the Waymark column change.
      </p>
      {playedLabel ? (
        <p role="status" className="mt-4 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="demo-played">
          {playedContact ? playedContact.name : `Contact ${played?.contactId}`} {playedLabel} (in the HubSpot sandbox).
        </p>
      ) : null}
      {contacts ? (
        <ContactTable contacts={contacts} runs={runs} sandboxUrl={sandboxUrl} />
      ) : (
        <p role="alert" className="mt-4 text-sm text-red-700">
          The HubSpot sandbox at {sandboxUrl} is not answering; it starts with <code>npm run dev</code>.
        </p>
      )}
      <ClockControls />
      <p className="mt-2 text-sm">
        <a className="text-indigo-700 underline" href="/dev/clock">
          Demo clock page
        </a>
      </p>
    </section>
  );
}

function ContactTable({ contacts, runs, sandboxUrl }: { contacts: DemoContact[]; runs: Map<string, string>; sandboxUrl: string }) {
  return (
    <table className="mt-6 w-full text-left text-sm" data-testid="demo-contacts">
      <caption className="sr-only">Demo contacts in portal {DEMO_PORTAL_ID}</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">
            Contact (HubSpot record page)
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Lifecycle stage
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Waymark
          </th>
          <th scope="col" className="py-1 font-medium">
            Make them…
          </th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact) => (
          <tr key={contact.id} className="border-t border-slate-100" data-testid={`demo-contact-${contact.id}`}>
            <td className="py-2 pr-2">
              {/* A tab of its own: the person keeps it open and reloads it after each step here. */}
              <a className="font-medium text-indigo-700 underline" href={recordPageUrl(sandboxUrl, DEMO_PORTAL_ID, contact.id)} target="_blank" rel="noopener">
                {contact.name}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </td>
            <td className="py-2 pr-2 text-slate-600">{STAGES[contact.lifecycleStage] ?? contact.lifecycleStage}</td>
            <td className="py-2 pr-2 font-mono text-xs text-slate-600" data-testid="demo-contact-runs">
              {runs.get(contact.id) ?? '—'}
            </td>
            <td className="py-2">
              <form method="post" action="/api/demo/signal" className="flex flex-wrap gap-1">
                <input type="hidden" name="contactId" value={contact.id} />
                {(Object.keys(DEMO_SIGNALS) as DemoSignal[]).map((signal) => (
                  <button
                    key={signal}
                    type="submit"
                    name="signal"
                    value={signal}
                    aria-label={`${contact.name}: ${DEMO_SIGNALS[signal]}`}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                  >
                    {DEMO_SIGNALS[signal]}
                  </button>
                ))}
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
