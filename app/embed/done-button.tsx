'use client';

/**
 * Closes the HubSpot iframe modal that shows this page: HubSpot (and the sandbox's card host)
 * close it when the framed page posts `{"action":"DONE"}` to its parent.
 */
export function DoneButton() {
  return (
    <button
      type="button"
      className="inline-flex shrink-0 items-center rounded-[4px] border border-[#cbd6e2] bg-white px-4 py-1.5 text-[14px] font-semibold text-[#33475b] hover:bg-[#f5f8fa] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#0091ae]"
      onClick={() => window.parent.postMessage(JSON.stringify({ action: 'DONE' }), '*')}
    >
      Done
    </button>
  );
}
