import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '@/lib/cli/cli-io';
import { runCli } from '@/lib/cli/run-cli';

const contract = readFileSync(new URL('./fixtures/no-show-rebook.json', import.meta.url), 'utf8');

function memoryIo(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file ${path}`);
      return text;
    },
    writeFile: () => {},
    stat: (path) => (path in files ? 'file' : 'missing'),
    list: () => [],
    makeDir: () => {},
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    now: () => new Date('2026-11-30T15:00:00Z'),
  };
  return { io, out };
}

const files = {
  'no-show.json': contract,
  'contact.json': '{"properties":{"lifecyclestage":"lead","hs_lead_status":"OPEN"}}',
  'books.jsonl': '{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"NO_SHOW"}\n{"at":"P1D","event":"meeting_booked"}\n',
};

describe('waymark simulate', () => {
  it('prints the path, the decisions with inputs and the exit', () => {
    const { io, out } = memoryIo(files);
    expect(runCli(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'books.jsonl'], io)).toBe(0);
    expect(out.stdout).toContain('Simulation of no-show-rebook');
    expect(out.stdout).toContain('→ exit-booked');
    expect(out.stdout).toContain('goal reached [await-booking]');
    expect(out.stdout).toContain('Exit: exit-booked (success) at 2026-12-01T15:00:00Z');
    expect(out.stderr).toBe('');
  });

  it('takes inline JSON, failing steps and --format json', () => {
    const { io, out } = memoryIo(files);
    const code = runCli(['simulate', 'no-show.json', '--record', '{"lifecyclestage":"lead"}', '--events', 'books.jsonl', '--fail', 'send-rebook', '--format', 'json'], io);
    expect(code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.exit).toMatchObject({ exitId: 'exit-send-failed', effects: [{ action: 'notify' }] });
  });

  it('rejects a lane holder with the reason', () => {
    const { io, out } = memoryIo(files);
    const shared = '{"heldLanes":[{"lane":"outreach","contractKey":"new-lead-follow-up","runId":"r1"}]}';
    expect(runCli(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'books.jsonl', '--shared', shared], io)).toBe(0);
    expect(out.stdout).toContain("entry rejected: Entry filter not met: the record holds lane 'outreach' through new-lead-follow-up.");
    expect(out.stdout).toContain('No run started.');
  });

  it('exit code 2 with a message for bad usage or input', () => {
    const missing = memoryIo(files);
    expect(runCli(['simulate', 'no-show.json'], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('--record is required');
    const unreadable = memoryIo(files);
    expect(runCli(['simulate', 'no-show.json', '--record', 'nope.json'], unreadable.io)).toBe(2);
    expect(unreadable.out.stderr).toContain('no such file nope.json');
    const badEvents = memoryIo({ ...files, 'bad.jsonl': '{"at":"P1D","event":"danced"}' });
    expect(runCli(['simulate', 'no-show.json', '--record', 'contact.json', '--events', 'bad.jsonl'], badEvents.io)).toBe(2);
    expect(badEvents.out.stderr).toContain('events line 1');
    const badFormat = memoryIo(files);
    expect(runCli(['simulate', 'no-show.json', '--record', 'contact.json', '--format', 'xml'], badFormat.io)).toBe(2);
  });
});
