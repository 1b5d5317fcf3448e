import type { ReactNode } from 'react';
import { ui } from './tokens';

/** A titled block with a stable heading (the heading's text is its accessible name). */
export function Section({ title, id, aside, children }: { title: string; id: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id={id} className={ui.h2}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
