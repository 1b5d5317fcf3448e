const TONES = {
  active: 'bg-[#e5f8f6] text-[#0b5e52] border-[#00bda5]',
  success: 'bg-[#e5f8f6] text-[#0b5e52] border-[#00bda5]',
  neutral: 'bg-[#eaf0f6] text-[#33475b] border-[#cbd6e2]',
  failure: 'bg-[#fde8e9] text-[#7a1f24] border-[#f2545b]',
  warning: 'bg-[#fef8f0] text-[#6e4a0e] border-[#f5c26b]',
} as const;

export type PillTone = keyof typeof TONES;

/** A small status tag, like HubSpot's. */
export function Pill({ tone, children }: { tone: PillTone; children: string }) {
  return <span className={`inline-block rounded-[4px] border px-2 text-[12px] font-semibold uppercase leading-5 tracking-wide ${TONES[tone]}`}>{children}</span>;
}
