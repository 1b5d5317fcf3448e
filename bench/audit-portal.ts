/**
 * A synthetic portal for the audit benchmark: N native workflows in Automation v4 shape and M
 * contracts (from the shared examples), sharing trigger properties, written properties, stage
 * values and email, so the portal rules have real overlaps to compare; run-time facts for every
 * contract. Deterministic (no randomness), so two runs audit the same portal.
 */
import { readFileSync } from 'node:fs';
import { parseNativeFlow, type AuditContract, type AuditInput, type ContractRuntimeFacts } from '../lib/audit';
import { contractSchema } from '../lib/contracts/schema';
import { createTask, delay, flow, listBased, orOfAnd, propertyFilter, sendEmail, setProperty } from '../lib/sandbox/seed/flow-builders';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form corpus edits

const EXAMPLES = ['new-lead-follow-up', 'no-show-rebook', 'long-term-nurture'].map(
  (name) => JSON.parse(readFileSync(new URL(`../lib/demo/contracts/${name}.json`, import.meta.url), 'utf8')) as Json,
);
const LIFECYCLE = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const LEAD_STATUS = ['NEW', 'OPEN', 'IN_PROGRESS', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const NOW = new Date('2026-12-01T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();

/** One workflow's v4 JSON; the shape varies with `i` so every native rule has work. */
export function benchFlow(i: number): Record<string, unknown> {
  const stage = LIFECYCLE[i % LIFECYCLE.length] as string;
  const entry = i % 17 === 0 ? orOfAnd()
    : i % 3 === 0 ? orOfAnd(propertyFilter('lifecyclestage', 'IS_ANY_OF', [stage]))
    : orOfAnd(propertyFilter(`signal_${i % 150}`, 'IS_ANY_OF', ['YES']), propertyFilter('country', 'IS_NONE_OF', [`C${i % 7}`]));
  const branch = {
    type: 'LIST_BRANCH', actionId: '3',
    listBranches: [
      { branchName: 'Big', filterBranch: orOfAnd(propertyFilter('num_employees', 'IS_GREATER_THAN_OR_EQUAL_TO', ['200'], 'NUMBER')), connection: { edgeType: 'STANDARD', nextActionId: '4' } },
      { branchName: 'Mid', filterBranch: orOfAnd(propertyFilter('num_employees', 'IS_BETWEEN', ['50', '199'], 'NUMBER')), connection: { edgeType: 'STANDARD', nextActionId: '5' } },
    ],
    ...(i % 2 === 0 ? { defaultBranch: { edgeType: 'STANDARD', nextActionId: '6' } } : {}),
  };
  const actions = [
    sendEmail('1', `${110000 + (i % 40)}`, '2'),
    delay('2', 60 * (1 + (i % 48)), '3'),
    branch,
    setProperty('4', 'lifecyclestage', LIFECYCLE[(i + 1) % LIFECYCLE.length] as string, '6'),
    setProperty('5', 'hs_lead_status', LEAD_STATUS[i % LEAD_STATUS.length] as string, '6'),
    setProperty('6', `field_${i % 120}`, `v${i % 5}`, ...(i % 4 === 0 ? ['7'] : [])),
    ...(i % 4 === 0 ? [delay('7', 1440)] : []),
    ...(i % 9 === 0 ? [createTask('8', `Orphan task ${i}`)] : []),
  ];
  return flow({
    id: String(700_000 + i), name: `Workflow ${i}`, objectTypeId: '0-1', isEnabled: i % 11 !== 0,
    createdAt: at(400 - (i % 300)), updatedAt: at(i % 60), actions,
    enrollmentCriteria: listBased(entry, i % 5 === 0),
    extra: {
      description: i % 6 === 0 ? '' : `Benchmark workflow ${i}`,
      ...(i % 8 === 0 ? { goalFilterBranch: orOfAnd(propertyFilter('hs_lead_status', 'IS_ANY_OF', ['CONNECTED'])) } : {}),
    },
  });
}

export function benchContract(i: number): AuditContract {
  const source = structuredClone(EXAMPLES[i % 3]) as Json;
  source.key = `${source.key}-${i}`;
  source.name = `${source.name} #${i}`;
  if (source.trigger.event === 'property_changed') source.trigger = { event: 'property_changed', property: `signal_${i % 150}`, to: 'YES' };
  source.entry.lanes = [`lane-${i % 40}`];
  for (const exit of source.exits) {
    exit.effects = exit.effects.filter((e: Json) => e.action !== 'start_contract');
    exit.effects.push({ action: 'set_property', with: { property: `field_${i % 120}`, value: `v${(i + 1) % 5}` } });
  }
  const contract = contractSchema.parse(source);
  return { key: contract.key, name: contract.name, status: i % 10 === 0 ? 'paused' : 'live', version: 1 + (i % 3), contract };
}

function benchFacts(i: number): ContractRuntimeFacts {
  return {
    activeRuns: Array.from({ length: 20 }, (_, r) => ({
      runId: `run-${i}-${r}`, recordId: String(1000 + r), startedAt: at(r % 40),
      expectedBy: at((r % 40) - 30), wakeUpDueAt: r % 7 === 0 ? at(1) : null,
    })),
    failuresPerDay: Array.from({ length: 29 }, (_, d) => ({ day: at(29 - d).slice(0, 10), failures: (i + d) % 3 })),
    failuresLast24h: i % 13 === 0 ? 20 : 1,
    lastEnrolledAt: i % 9 === 0 ? at(45) : at(1),
    refusals: [{ kind: 'lane_held', count: i % 4, examples: ['501', '502'] }],
    stageWritesRefused: { count: i % 6 === 0 ? 2 : 0, examples: ['record 9'] },
    endedWithoutExit: { count: 0, examples: [] },
  };
}

/** The raw workflow JSON (what HubSpot returns) and the rest of the audit input. */
export function benchPortal(flows: number, contracts: number): { rawFlows: Record<string, unknown>[]; rest: Omit<AuditInput, 'flows'> } {
  const list = Array.from({ length: contracts }, (_, i) => benchContract(i));
  return {
    rawFlows: Array.from({ length: flows }, (_, i) => benchFlow(i)),
    rest: {
      portalId: '424242',
      contracts: list,
      stages: [
        { property: 'lifecyclestage', objectType: 'contact', order: LIFECYCLE },
        { property: 'hs_lead_status', objectType: 'contact', order: LEAD_STATUS },
      ],
      forms: Array.from({ length: 30 }, (_, f) => ({ formId: `form-${f}`, properties: [`signal_${f * 5}`, 'email'] })),
      runtime: {
        contracts: Object.fromEntries(list.map((c, i) => [c.key, benchFacts(i)])),
        flows: Object.fromEntries(Array.from({ length: flows }, (_, i) => [String(700_000 + i), { lastEnrolledAt: i % 12 === 0 ? at(50) : at(2) }])),
      },
    },
  };
}

export function parseFlows(raw: Record<string, unknown>[]): AuditInput['flows'] {
  return raw.map((json) => {
    const parsed = parseNativeFlow(json);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.flow;
  });
}

export const BENCH_NOW = NOW;
