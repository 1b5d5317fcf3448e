// The README's `waymark simulate` examples run as printed: each command line in the README, on the
// real example files, reaches the exit named in the comment under it (or starts no run).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../../lib/cli/node-io';
import { runCli } from '../../../lib/cli/run-cli';

const PREFIX = 'npm run --silent waymark -- ';
const readme = readFileSync('README.md', 'utf8').split('\n');
const examples = readme.flatMap((line, index) => {
  if (!line.startsWith(`${PREFIX}simulate `)) return [];
  const expected = /^# → (no run|[\w-]+)/.exec(readme[index + 1] ?? '')?.[1];
  return [{ argv: line.slice(PREFIX.length).trim().split(/\s+/), expected }];
});

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { ...nodeIo(), stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('README simulate examples', () => {
  it('documents several examples, each with the outcome it reaches', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect(example.expected, example.argv.join(' ')).toBeDefined();
  });

  it.each(examples.map((e) => [e.expected, e] as const))('reaches %s', async (_name, example) => {
    const result = await run(example.argv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    if (example.expected === 'no run') expect(result.stdout).toContain('No run started. The entry refused the record');
    else expect(result.stdout).toContain(`Exit: ${example.expected} (`);
  });
});
