/**
 * Shared class names for the embedded pages, close to HubSpot's own UI (Canvas): slate text
 * #33475b on white, #cbd6e2 borders, #f5f8fa panels, 4 px radii, 14 px body, teal (#0091ae) focus
 * and links, HubSpot's orange (#ff7a59) for the one primary action, as HubSpot does.
 */
export const ui = {
  page: 'mx-auto max-w-5xl px-5 py-4 text-[14px] leading-6 text-[#33475b]',
  h1: 'text-[20px] font-semibold text-[#33475b]',
  h2: 'text-[16px] font-semibold text-[#33475b]',
  muted: 'text-[#516f90]',
  panel: 'rounded-[4px] border border-[#cbd6e2] bg-white',
  subtle: 'rounded-[4px] border border-[#dfe3eb] bg-[#f5f8fa]',
  label: 'block text-[12px] font-semibold uppercase tracking-wide text-[#516f90]',
  input: 'w-full rounded-[4px] border border-[#cbd6e2] bg-[#f5f8fa] px-3 py-1.5 text-[14px] text-[#33475b] focus:border-[#0091ae] focus:outline-2 focus:outline-[#0091ae]/40',
  focus: 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#0091ae]',
  primary: 'inline-flex items-center rounded-[4px] bg-[#ff7a59] px-4 py-1.5 text-[14px] font-semibold text-white hover:bg-[#ff8f73] disabled:cursor-not-allowed disabled:bg-[#cbd6e2] disabled:text-[#516f90]',
  secondary: 'inline-flex items-center rounded-[4px] border border-[#cbd6e2] bg-white px-4 py-1.5 text-[14px] font-semibold text-[#33475b] hover:bg-[#f5f8fa] disabled:cursor-not-allowed disabled:text-[#7c98b6]',
  danger: 'inline-flex items-center rounded-[4px] bg-[#b3261e] px-4 py-1.5 text-[14px] font-semibold text-white hover:bg-[#8f1e18]',
} as const;
