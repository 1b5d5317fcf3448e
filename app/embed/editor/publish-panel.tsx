'use client';
/**
 * "Publish": disabled while any error finding remains. Before publishing it shows the
 * portal-level findings against the other live contracts and asks for the in-flight version
 * policy explicitly (no default is assumed).
 */
import { useState } from 'react';
import type { Finding } from '@/lib/contracts/finding';

type Policy = 'drain' | 'migrate';

export function PublishPanel({ errors, portalFindings, onPublish }: { errors: number; portalFindings: Finding[]; onPublish: (policy: Policy) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = errors > 0;
  return (
    <>
      <button
        type="button"
        disabled={blocked}
        title={blocked ? `${errors} error finding(s) must be fixed first` : undefined}
        onClick={() => setConfirming(true)}
        className="rounded bg-[#ff7a59] px-3 py-1.5 text-sm font-medium text-white hover:bg-[#ff8f73] focus-visible:outline-2 focus-visible:outline-[#0091ae] disabled:cursor-not-allowed disabled:bg-[#eaf0f6] disabled:text-[#b0c1d4]"
      >
        Publish
      </button>
      {blocked && <span className="text-xs text-[#d9363e]">{errors} error{errors === 1 ? '' : 's'} block publishing</span>}
      {confirming && !blocked && (
        <div role="dialog" aria-label="Publish contract" className="w-full rounded border border-[#cbd6e2] bg-[#f5f8fa] p-3 text-sm">
          <h3 className="font-semibold">Before publishing</h3>
          <p className="mt-1 text-[#516f90]">
            {portalFindings.length === 0 ? 'No findings against the portal’s other live contracts.' : `${portalFindings.length} finding(s) against the portal’s other live contracts:`}
          </p>
          {portalFindings.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {portalFindings.map((f, i) => (
                <li key={i}>
                  <code className="text-xs">{f.rule}</code> {f.message}
                </li>
              ))}
            </ul>
          )}
          <fieldset className="mt-2">
            <legend className="font-medium">Runs already in flight</legend>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="version-policy" checked={policy === 'drain'} onChange={() => setPolicy('drain')} /> Drain: they finish on the version they started on
            </label>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="version-policy" checked={policy === 'migrate'} onChange={() => setPolicy('migrate')} /> Migrate: runs whose step exists in the new version move to it
            </label>
          </fieldset>
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              disabled={policy === null || busy}
              onClick={() => {
                if (!policy) return;
                setBusy(true);
                void onPublish(policy).finally(() => setBusy(false));
              }}
              className="rounded bg-[#ff7a59] px-3 py-1.5 font-medium text-white disabled:bg-[#eaf0f6] disabled:text-[#b0c1d4]"
            >
              Confirm publish
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded border border-[#cbd6e2] bg-white px-3 py-1.5 font-medium">
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
