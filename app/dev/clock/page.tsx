import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { ClockControls } from './clock-controls';

export const dynamic = 'force-dynamic';

/** Sandbox-only page: shows the runtime clock and fast-forwards it so due wake-ups fire. */
export default function ClockPage() {
  if (!env().isSandbox) notFound();
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">Waymark sandbox</p>
      <h1 className="mt-2 text-2xl font-bold">Demo clock</h1>
      <p className="mt-3 text-slate-700">
        Runs wait in days. Fast-forward the shared clock and every wake-up that falls due fires, in order.
      </p>
      <ClockControls />
    </main>
  );
}
