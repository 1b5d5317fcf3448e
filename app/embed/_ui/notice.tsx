import type { ReactNode } from 'react';

const TONES = {
  empty: 'border-[#cbd6e2] bg-[#f5f8fa] text-[#33475b]',
  error: 'border-[#f2545b] bg-[#fde8e9] text-[#7a1f24]',
  success: 'border-[#00bda5] bg-[#e5f8f6] text-[#0b5e52]',
  info: 'border-[#7fd1de] bg-[#e5f5f8] text-[#1d5561]',
} as const;

/** Empty, error, success and info messages: what happened and what to do next. */
export function Notice({ tone, title, children, role }: { tone: keyof typeof TONES; title: string; children?: ReactNode; role?: 'status' | 'alert' }) {
  return (
    <div role={role} className={`rounded-[4px] border px-4 py-3 ${TONES[tone]}`}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-0.5">{children}</div> : null}
    </div>
  );
}
