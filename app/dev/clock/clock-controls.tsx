'use client';
import { useEffect, useState } from 'react';

const STEPS = [
  { by: 'PT10M', label: '+10 minutes' },
  { by: 'PT1H', label: '+1 hour' },
  { by: 'P1D', label: '+1 day' },
  { by: 'P3D', label: '+3 days' },
];

/** The clock readout and fast-forward buttons (POST /api/clock/advance). */
export function ClockControls() {
  const [now, setNow] = useState<string>('…');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function advance(by: string) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/clock/advance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by }) });
      const body = (await response.json()) as { now?: string; error?: string };
      if (!response.ok) setError(body.error ?? `failed (${response.status})`);
      else if (body.now) setNow(body.now);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    // Poll the shared clock (other tabs and the CLI may move it too).
    const poll = () =>
      fetch('/api/clock')
        .then((r) => (r.ok ? (r.json() as Promise<{ now: string }>) : null))
        .then((body) => body && setNow(body.now))
        .catch(() => {});
    const first = setTimeout(poll, 0);
    const timer = setInterval(poll, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  return (
    <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-500">Runtime clock</p>
      <p data-testid="clock-now" className="mt-1 font-mono text-lg">{now}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        {STEPS.map((step) => (
          <button
            key={step.by}
            type="button"
            disabled={busy}
            data-testid={`advance-${step.by}`}
            onClick={() => void advance(step.by)}
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            {step.label}
          </button>
        ))}
      </div>
      {error ? <p role="alert" className="mt-3 text-sm text-red-700">{error}</p> : null}
    </section>
  );
}
