/**
 * `npm run bench:audit [-- --flows N --contracts M]`: audits a generated portal of N native
 * workflows (default 500) and M contracts (default 200) locally: parsing the v4 flow JSON, every
 * audit rule, the SARIF export and the JSON of the stored report, with no HubSpot reads (those are
 * rate-limited and excluded by issue #11). Prints the figure and its ratio to a baseline portal a
 * tenth the size measured in the same run (about 10× means the audit scales linearly; about
 * 100× means a rule compares every pair). Target: < 10 s.
 */
import { performance } from 'node:perf_hooks';
import { formatReport, runAudit, AUDIT_RULES } from '../lib/audit';
import { BENCH_NOW, benchPortal, parseFlows } from './audit-portal';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const flows = arg('flows', 500);
const contracts = arg('contracts', 200);
const ms = (n: number) => `${n.toFixed(0)} ms`;

function run(size: { flows: number; contracts: number }) {
  const { rawFlows, rest } = benchPortal(size.flows, size.contracts);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const input = { ...rest, flows: parseFlows(rawFlows) };
  const parsed = performance.now();
  const report = runAudit(input, { now: BENCH_NOW });
  const audited = performance.now();
  const bytes = JSON.stringify(report).length + formatReport(report, 'sarif').length;
  const done = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  return { parse: parsed - started, audit: audited - parsed, export: done - audited, total: done - started, cpu: (cpu.user + cpu.system) / 1000, report, bytes };
}

/** Time per rule on the large portal (net of building the shared context), to name the hot one. */
function perRule(size: { flows: number; contracts: number }) {
  const { rawFlows, rest } = benchPortal(size.flows, size.contracts);
  const input = { ...rest, flows: parseFlows(rawFlows) };
  const timed = (rules: typeof AUDIT_RULES[number][]) => {
    const started = performance.now();
    runAudit(input, { now: BENCH_NOW }, rules);
    return performance.now() - started;
  };
  const context = Math.min(timed([]), timed([]));
  return { context, rules: AUDIT_RULES.map((rule) => ({ id: rule.id, ms: Math.max(0, timed([rule]) - context) })).sort((a, b) => b.ms - a.ms) };
}

const baselineSize = { flows: Math.max(1, Math.round(flows / 10)), contracts: Math.max(1, Math.round(contracts / 10)) };
run(baselineSize); // warm-up: module loading and zod's first compiles are not the audit's work
const baseline = run(baselineSize);
const large = run({ flows, contracts });
const byRule = new Map<string, number>();
for (const f of large.report.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);

console.log(`waymark audit benchmark: ${flows} native workflows, ${contracts} contracts, ${large.report.findings.length} findings, score ${large.report.score}`);
console.log(`  findings by rule: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
console.log(`  ${flows}/${contracts}: ${ms(large.total)} wall, ${ms(large.cpu)} CPU (parse ${ms(large.parse)}, rules ${ms(large.audit)}, JSON + SARIF ${ms(large.export)}, ${(large.bytes / 1024).toFixed(0)} KiB)`);
console.log(`  baseline ${baselineSize.flows}/${baselineSize.contracts}: ${ms(baseline.total)} wall, ${ms(baseline.cpu)} CPU`);
console.log(`  ratio ${(large.total / baseline.total).toFixed(1)}× wall, ${(large.cpu / Math.max(1, baseline.cpu)).toFixed(1)}× CPU for 10× the portal`);
const profile = perRule({ flows, contracts });
console.log(`  shared context (graphs, paths) ${ms(profile.context)}; slowest rules: ${profile.rules.slice(0, 4).map((r) => `${r.id} ${ms(r.ms)}`).join(', ')}`);
console.log(`  target < 10 s: wall ${large.total < 10_000 ? 'met' : 'MISSED'}, CPU ${large.cpu < 10_000 ? 'met' : 'MISSED'}`);
