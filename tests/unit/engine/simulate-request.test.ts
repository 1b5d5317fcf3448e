import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatSimulation } from '@/lib/engine/format-simulation';
import { runSimulation } from '@/lib/engine/simulate-request';

const NOW = new Date('2026-11-30T15:00:00Z');
const noShowText = readFileSync(new URL('./fixtures/no-show-rebook.json', import.meta.url), 'utf8');
const record = { properties: { lifecyclestage: 'lead', hs_lead_status: 'OPEN' } };

describe('runSimulation', () => {
  it('runs a contract given as text with JSONL events and relative times', () => {
    const out = runSimulation({ contract: noShowText, record, events: '{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"NO_SHOW"}\n{"at":"PT2H","event":"replied"}' }, NOW);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.exit).toMatchObject({ exitId: 'exit-replied', at: new Date('2026-11-30T17:00:00Z') });
  });

  it('accepts events as an array, failing steps, shared state with ISO times, and YAML', () => {
    const yaml = runSimulation({ contract: stringify(JSON.parse(noShowText)), record, events: [{ at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }] }, NOW);
    expect(yaml.ok && yaml.result.exit?.exitId).toBe('exit-silent');
    const out = runSimulation(
      {
        contract: JSON.parse(noShowText),
        record,
        events: [{ at: '2026-12-01T09:00:00Z', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }],
        fail: { 'send-rebook': 'mailbox does not exist' },
        shared: { completed: [{ contractKey: 'other', exitId: 'x', exitedAt: '2026-11-01T00:00:00Z' }] },
      },
      NOW,
    );
    expect(out.ok && out.result.exit?.exitId).toBe('exit-send-failed');
    expect(out.ok && out.result.path[0]?.at).toEqual(new Date('2026-12-01T09:00:00Z'));
  });

  it('returns every problem in words instead of throwing', () => {
    const bad = runSimulation({ contract: '{"contract":1,"key":"x"}', record, events: 'nope\n{"at":"P1D","event":"danced"}' }, NOW);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.length).toBeGreaterThan(0);
    const badEvents = runSimulation({ contract: noShowText, record, events: 'nope\n{"at":"P1D","event":"danced"}' }, NOW);
    expect(badEvents).toMatchObject({ ok: false, problems: [expect.stringMatching(/^events line 1: not JSON/), expect.stringMatching(/^events line 2/)] });
    expect(runSimulation({ record }, NOW)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^contract/)] });
    expect(runSimulation({ contract: '::: not yaml :::\n\t- [', record }, NOW).ok).toBe(false);
  });
});

describe('formatSimulation', () => {
  it('prints the path, each decision with its inputs, and the exit', () => {
    const out = runSimulation({ contract: noShowText, record, events: '{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"NO_SHOW"}' }, NOW);
    if (!out.ok) throw new Error(out.problems.join('\n'));
    const text = formatSimulation('no-show-rebook', out.result);
    expect(text).toContain('  2026-11-30T15:00:00Z  pause\n');
    expect(text).toContain('→ exit-silent');
    expect(text).toContain('entry enrolled: Entry filter met:');
    expect(text).toContain('      inputs: {');
    expect(text).toContain('Exit: exit-silent (neutral) at 2026-12-03T15:10:00Z');
    expect(text).toContain('  effect: start_contract {"key":"long-term-nurture"}');
  });
});
