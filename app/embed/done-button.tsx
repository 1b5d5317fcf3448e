'use client';

/**
 * Closes the HubSpot iframe modal that shows this page: HubSpot (and the sandbox's card host)
 * close it when the framed page posts `{"action":"DONE"}` to its parent.
 */
export function DoneButton() {
  return (
    <button
      type="button"
      className="mt-4 rounded bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
      onClick={() => window.parent.postMessage(JSON.stringify({ action: 'DONE' }), '*')}
    >
      Done
    </button>
  );
}
