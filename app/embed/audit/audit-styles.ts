/** HubSpot-like class names shared by the audit page's parts (HubSpot's canvas colours). */
export const ui = {
  card: 'rounded-[3px] border border-[#cbd6e2] bg-white',
  heading: 'text-[16px] font-semibold text-[#33475b]',
  muted: 'text-[13px] text-[#516f90]',
  primary:
    'rounded-[3px] bg-[#ff7a59] px-4 py-2 text-[14px] font-semibold text-white hover:bg-[#ff8f73] disabled:cursor-not-allowed disabled:bg-[#fcc6b1]',
  secondary: 'rounded-[3px] border border-[#cbd6e2] bg-white px-3 py-1.5 text-[13px] font-medium text-[#33475b] hover:bg-[#f5f8fa]',
  link: 'text-[#0091ae] hover:underline',
} as const;

export const severityStyle = {
  error: { label: 'Error', chip: 'bg-[#fde8e9] text-[#c3282e] border-[#f2545b]' },
  warning: { label: 'Warning', chip: 'bg-[#fef8f0] text-[#7a5300] border-[#f5c26b]' },
  info: { label: 'Info', chip: 'bg-[#e5f8fb] text-[#00697a] border-[#00bda5]' },
} as const;
