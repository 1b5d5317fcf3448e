import { ui } from '../_ui/tokens';

/** Shown while the panel's runs and decisions load (the server renders the page in one pass). */
export default function LoadingRecordPanel() {
  return (
    <main className={ui.page} aria-busy="true">
      <p role="status" className={`${ui.subtle} px-4 py-3`}>Loading this record&apos;s runs and decisions…</p>
    </main>
  );
}
