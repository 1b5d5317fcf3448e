/** Runtime health: what the state store says about the contracts' runs (from the report). */
import type { Finding } from './report-shape';
import { ui } from './audit-styles';

/** Runtime rules are the ones about runs and the state store (`runtime-…`). */
const isRuntime = (f: Finding) => f.rule.startsWith('runtime-') || f.subject.kind === 'run';

export function RuntimeHealth({ runtime, findings }: { runtime: unknown; findings: readonly Finding[] }) {
  const facts = runtime && typeof runtime === 'object' ? (runtime as Record<string, unknown>) : {};
  const numbers = Object.entries(facts).filter(([, v]) => typeof v === 'number') as [string, number][];
  const problems = findings.filter(isRuntime);
  return (
    <section aria-labelledby="runtime-heading" className={`${ui.card} p-4`}>
      <h2 id="runtime-heading" className={`${ui.heading} mb-2`}>Runtime health</h2>
      {numbers.length > 0 && (
        <dl className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {numbers.map(([name, value]) => (
            <div key={name}>
              <dt className="text-[12px] text-[#516f90]">{name.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
              <dd className="text-[20px] font-light text-[#33475b]">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {problems.length === 0 ? (
        <p className="text-[14px] text-[#00a38d]">No stuck runs, failure spikes, zombies or unrecorded exits.</p>
      ) : (
        <ul className="space-y-1 text-[13px] text-[#33475b]">
          {problems.map((f, i) => <li key={i}><span className="font-mono text-[12px] text-[#516f90]">{f.rule}</span> {f.message}</li>)}
        </ul>
      )}
    </section>
  );
}
