import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run-cli';
import { memoryIo } from '../contracts/memory-io';

const contract = readFileSync(new URL('./fixtures/no-show-rebook.json', import.meta.url), 'utf8');

const NOW = new Date('2026-11-30T15:00:00Z');
const run = (argv: string[], files: Record<string, string>) => {
  const io = memoryIo(files, NOW);
  const code = runCli(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
};

const files = {
  'no-show.json': contract,
  'contact.json': '{"properties":{"lifecyclestage":"lead","hs_lead_status":"OPEN"}}',
  'books.jsonl': '{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"NO_SHOW"}\n{"at":"P1D","event":"meeting_booked"}\n',
};

describe('waymark simulate', () => {
  it('prints the path, the decisions with inputs and the exit', () => {
    const out = run(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'books.jsonl'], files);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Simulation of no-show-rebook');
    expect(out.stdout).toContain('→ exit-booked');
    expect(out.stdout).toContain('goal reached [await-booking]');
    expect(out.stdout).toContain('Exit: exit-booked (success) at 2026-12-01T15:00:00Z');
    expect(out.stderr).toBe('');
  });

  it('takes inline JSON, failing steps and --format json', () => {
    const out = run(['simulate', 'no-show.json', '--record', '{"lifecyclestage":"lead"}', '--events', 'books.jsonl', '--fail', 'send-rebook', '--format', 'json'], files);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.exit).toMatchObject({ exitId: 'exit-send-failed', effects: [{ action: 'notify' }] });
  });

  it('rejects a lane holder with the reason', () => {
    const shared = '{"heldLanes":[{"lane":"outreach","contractKey":"new-lead-follow-up","runId":"r1"}]}';
    const out = run(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'books.jsonl', '--shared', shared], files);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("entry rejected: Entry filter not met: the record holds lane 'outreach' through new-lead-follow-up.");
    expect(out.stdout).toContain('No run started.');
  });

  it('says why no run started when no event fires the trigger', () => {
    const out = run(['simulate', 'no-show.json', '--record', 'contact.json', '--events', '{"at":"P1D","event":"replied"}'], files);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("No run started. No event matched the contract's trigger");
  });

  it('exit code 2 with a message for bad usage or input', () => {
    const missing = run(['simulate', 'no-show.json'], files);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--record is required');
    const unreadable = run(['simulate', 'no-show.json', '--record', 'nope.json'], files);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain("no such file, open 'nope.json'");
    const badEvents = run(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'bad.jsonl'], { ...files, 'bad.jsonl': '{"at":"P1D","event":"danced"}' });
    expect(badEvents.code).toBe(2);
    expect(badEvents.stderr).toContain('events line 1');
    const badFormat = run(['simulate', 'no-show.json', '--record', 'contact.json', '--format', 'xml'], files);
    expect(badFormat.code).toBe(2);
  });
});
