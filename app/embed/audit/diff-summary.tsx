/** Since the last audit: new, fixed and still-open findings (from the stored diff). */
import { ui } from './audit-styles';

type Listed = { rule?: string; subject?: { name?: string; id?: string }; message?: string } | string;

function list(diff: unknown, ...names: string[]): Listed[] {
  if (!diff || typeof diff !== 'object') return [];
  for (const name of names) {
    const value = (diff as Record<string, unknown>)[name];
    if (Array.isArray(value)) return value as Listed[];
  }
  return [];
}

const describe = (item: Listed) => (typeof item === 'string' ? item : `${item.rule ?? ''} · ${item.subject?.name ?? item.subject?.id ?? ''}`);

export function DiffSummary({ diff, hasPrevious }: { diff: unknown; hasPrevious: boolean }) {
  const fresh = list(diff, 'new', 'added');
  const fixed = list(diff, 'fixed', 'resolved', 'removed');
  const open = list(diff, 'stillOpen', 'open', 'unchanged');
  return (
    <section aria-labelledby="diff-heading" className={`${ui.card} p-4`}>
      <h2 id="diff-heading" className={`${ui.heading} mb-2`}>Since the last audit</h2>
      {!hasPrevious ? (
        <p className={ui.muted}>This is the portal&apos;s first audit; the next one will show what changed.</p>
      ) : (
        <div className="grid grid-cols-3 gap-3">
          {([['New', fresh, 'text-[#c3282e]'], ['Fixed', fixed, 'text-[#00a38d]'], ['Still open', open, 'text-[#33475b]']] as const).map(([label, items, colour]) => (
            <div key={label} data-testid={`diff-${label.toLowerCase().replace(' ', '-')}`}>
              <p className={`text-[24px] font-light ${colour}`}>{items.length}</p>
              <p className="text-[13px] font-semibold text-[#33475b]">{label}</p>
              <ul className="mt-1 space-y-0.5 text-[12px] text-[#516f90]">
                {items.slice(0, 5).map((item, i) => <li key={i}>{describe(item)}</li>)}
                {items.length > 5 && <li>and {items.length - 5} more</li>}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
