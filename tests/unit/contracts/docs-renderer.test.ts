import { describe, expect, it } from 'vitest';
import { renderContractDocs } from '../../../lib/contracts/docs/render-markdown';
import { renderMermaid } from '../../../lib/contracts/docs/render-mermaid';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { EXAMPLES, exampleObject, QUIET_PORTAL } from './contract-fixtures';
import { mermaidParse } from './mermaid-parser';

const draftOf = (object: unknown) => {
  const draft = parseContract(object).contract;
  if (!draft) throw new Error('fixture should parse');
  return draft;
};

describe('docs renderer', () => {
  it('renders every example and quiet-portal contract with a flowchart the Mermaid parser accepts', async () => {
    const parse = await mermaidParse();
    for (const [file, text] of [...EXAMPLES, ...QUIET_PORTAL]) {
      const page = renderContractDocs(draftOf(parseContract(text).data));
      const chart = /```mermaid\n([\s\S]*?)```/.exec(page)?.[1];
      expect(chart, file).toBeDefined();
      await expect(parse(chart as string), file).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    }
  }, 30_000);

  it('shows the parser would catch a broken chart', async () => {
    const parse = await mermaidParse();
    await expect(parse('flowchart TD\n  a --> ')).rejects.toThrow(/Parse error/);
  }, 30_000);

  it('tells the path in words: purpose, owner, trigger, entry, steps, goals, exits', () => {
    const page = renderContractDocs(draftOf(exampleObject('no-show-rebook')));
    expect(page).toContain('# No-show rebooking (`no-show-rebook`)');
    expect(page).toContain('> Win back prospects who missed a booked discovery call');
    expect(page).toContain('| Owner | revops@example.com |');
    expect(page).toContain("| Trigger | Starts when last_meeting_outcome of a contact changes to 'NO_SHOW' |");
    expect(page).toContain(
      "- **Entry filter:** lifecyclestage is one of 'lead', 'marketingqualifiedlead', 'salesqualifiedlead' and not in lane 'outreach' and not completed 'no-show-rebook' within the last 30 days.",
    );
    expect(page).toContain('1. **pause** — Wait 10 minutes, then go to **send-rebook**.');
    expect(page).toContain(
      '3. **await-booking** — Wait for the first of: on a booked meeting, go to **exit-booked**; on a reply, go to **exit-replied**. If nothing happens within 3 days, go to **check-status**.',
    );
    expect(page).toContain("4. **check-status** — Check in order: if hs_lead_status is 'UNQUALIFIED', go to **exit-disqualified**; otherwise go to **exit-silent**.");
    expect(page).toContain('- On a booked meeting, exit through **exit-booked**.');
    expect(page).toContain("| exit-silent | neutral | Tag the record 'rebook-silent', then hand off to contract 'long-term-nurture'. |");
  });

  it('labels branches, draws failure and timeout edges distinctly and shapes exits by outcome', () => {
    const chart = renderMermaid(draftOf(exampleObject('new-lead-follow-up')));
    expect(chart).toContain(`n4 -->|"num_employees is at least 50"| x0`);
    expect(chart).toContain(`n4 -->|"else"| x1`);
    expect(chart).toContain(`n0 -.->|"on failure"| x3`);
    expect(chart).toContain(`n1 ==>|"nothing within 2 days"| n2`);
    expect(chart).toContain(`x0((("exit-sql (success)")))`);
    expect(chart).toContain(`x2>"exit-stalled (failure)"]`);
    expect(chart).toContain(`x1[["exit-nurture (handoff)"]]`);
    expect(chart).toContain('class x2,x3 failure');
  });

  it('renders drafts with problems, and labels stay parseable whatever the ids and texts', async () => {
    const parse = await mermaidParse();
    const object = exampleObject('long-term-nurture');
    object.steps[0].next = 'does-not-exist';
    object.steps[2].id = 'send "digest" | [now] {x}';
    object.steps[3].with = { property: 'a"b', increment: 1 };
    delete object.exits;
    const chart = renderMermaid(draftOf(object));
    expect(chart).toContain('unknown: does-not-exist');
    await expect(parse(chart)).resolves.toBeDefined();
  }, 30_000);
});
