import { DoneButton } from '../done-button';

/** The embedded pages' top bar: Waymark's logo, the page title and HubSpot's "Done" (closes the modal). */
export function EmbedHeader({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <header className="flex items-center justify-between gap-4 border-b border-[#dfe3eb] pb-3">
      <div className="flex min-w-0 items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- a static 28 px SVG; next/image adds client JS for nothing */}
        <img src="/logo.svg" alt="Waymark" width={28} height={28} className="shrink-0" />
        <div className="min-w-0">
          <h1 className="truncate text-[20px] font-semibold leading-7 text-[#33475b]">{title}</h1>
          {subtitle ? <p data-testid="record-panel-subtitle" className="text-[12px] text-[#516f90]">{subtitle}</p> : null}
        </div>
      </div>
      <DoneButton />
    </header>
  );
}
