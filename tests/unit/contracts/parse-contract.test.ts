import { describe, expect, it } from 'vitest';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { contractSchema } from '../../../lib/contracts/schema';
import { exampleObject } from './contract-fixtures';

const messages = (input: unknown) => parseContract(input).findings.map((f) => `${f.path} | ${f.message}`);

describe('parseContract', () => {
  it('reads JSON and YAML into the same draft', async () => {
    const { stringify } = await import('yaml');
    const object = exampleObject('no-show-rebook');
    const fromJson = parseContract(JSON.stringify(object));
    const fromYaml = parseContract(stringify(object));
    expect(fromJson.findings).toEqual([]);
    expect(fromYaml.contract).toEqual(fromJson.contract);
    expect(fromYaml.complete).toEqual(contractSchema.parse(object));
  });

  it('reports a bad duration at its pointer in plain words', () => {
    const object = exampleObject('no-show-rebook');
    object.steps[0]!.wait = 'ten minutes';
    const result = parseContract(object);
    expect(result.findings).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        contract: 'no-show-rebook',
        path: '/steps/0/wait',
        message: "steps[0].wait: 'ten minutes' is not an ISO-8601 duration such as PT10M or P3D",
      },
    ]);
    // The draft still loads, keeps the step's kind and position, and drops only the bad value.
    expect(result.contract?.steps?.[0]).toEqual({ kind: 'wait', id: 'pause', next: 'send-rebook' });
    expect(result.complete).toBeUndefined();
  });

  it('reports wrong values anywhere, deep inside conditions too', () => {
    const object = exampleObject('no-show-rebook');
    const steps = object.steps;
    steps[1]!.action = 'send_sms';
    steps[3]!.branch[0].when = { property: 'hs_lead_status', equals: 'X' };
    object.entry.filter.all[0] = { property: 'lifecyclestage', in: 'lead' };
    object.entry.reenroll = { after: 'a month' };
    object.exits[0].effects[0].with = { property: 'hs_lead_status' };
    expect(messages(object)).toEqual([
      "/entry/filter/all/0/in | entry.filter.all[0].in: 'lead' is not a list",
      "/entry/reenroll/after | entry.reenroll.after: 'a month' is not an ISO-8601 duration such as PT10M or P3D",
      "/steps/1/action | steps[1].action: 'send_sms' is not one of 'set_property', 'set_stage', 'add_tag', 'remove_tag', 'create_task', 'send_email', 'notify', 'start_contract', 'webhook'",
      '/steps/3/branch/0/when/equals | steps[3].branch[0].when.equals: unknown field; remove it or check its spelling',
      '/steps/3/branch/0/when | steps[3].branch[0].when: needs exactly one operator: eq, neq, in, notIn, gt, gte, lt, lte, contains, known, changed',
      '/exits/0/effects/0/with | exits[0].effects[0].with: needs exactly one of "value" or "increment"',
    ]);
  });

  it('is lenient about completeness: missing parts are left to the linter', () => {
    const object = exampleObject('no-show-rebook');
    delete object.trigger;
    delete object.steps[3].else;
    delete object.steps[0].next;
    const result = parseContract(object);
    expect(result.findings).toEqual([]);
    expect(result.contract?.trigger).toBeUndefined();
    expect(result.complete).toBeUndefined();
  });

  it('reports required fields that no lint rule covers', () => {
    const object = exampleObject('no-show-rebook');
    delete object.key;
    delete object.steps[1].id;
    delete object.exits[0].outcome;
    expect(messages(object)).toEqual([
      '/key | key: is required',
      '/steps/1/id | steps[1].id: is required',
      '/exits/0/outcome | exits[0].outcome: is required',
    ]);
  });

  it('reports a missing or wrong step id once, whatever the kind', () => {
    const object = exampleObject('no-show-rebook');
    delete object.steps[0].id;
    object.steps[2].id = 5;
    delete object.steps[3].id;
    expect(messages(object)).toEqual([
      '/steps/0/id | steps[0].id: is required',
      '/steps/2/id | steps[2].id: 5 is not a string',
      '/steps/3/id | steps[3].id: is required',
    ]);
  });

  it('reports a step with no kind or two kinds, and keeps its place', () => {
    const object = exampleObject('no-show-rebook');
    object.steps.push({ id: 'odd', wait: 'PT1M', action: 'notify' }, { id: 'empty' });
    const result = parseContract(object);
    expect(result.findings.map((f) => f.message)).toEqual([
      'steps[4]: has wait and action; a step has exactly one kind',
      'steps[5]: needs one of wait, action, branch, waitFor',
    ]);
    expect(result.contract?.steps?.slice(4)).toEqual([{ kind: 'unknown', id: 'odd' }, { kind: 'unknown', id: 'empty' }]);
  });

  it('says what a missing required value must be', () => {
    const object = { ...exampleObject('no-show-rebook'), trigger: { event: 'association_changed' } };
    expect(messages(object)).toEqual(["/trigger/toObject | trigger.toObject: is required: one of 'contact', 'deal', 'company', 'ticket'"]);
  });

  it('keeps an unknown trigger event for the missing-trigger rule', () => {
    const object = { ...exampleObject('no-show-rebook'), trigger: { event: 'form_submitted' } };
    const result = parseContract(object);
    expect(result.findings).toEqual([]);
    expect(result.contract?.trigger).toEqual({ event: 'form_submitted', unknownEvent: true });
  });

  it('treats only text that is neither JSON nor YAML as unreadable', () => {
    expect(parseContract('steps: [unclosed').unreadable).toMatch(/neither JSON nor YAML/);
    const scalar = parseContract('just words');
    expect(scalar.unreadable).toBeUndefined();
    expect(scalar.contract).toBeUndefined();
    expect(scalar.findings.map((f) => f.message)).toEqual(["contract: 'just words' is not an object"]);
    expect(parseContract('{"a":', { format: 'json' }).unreadable).toMatch(/not valid JSON/);
  });
});

describe('parseContract input quirks', () => {
  it('suggests the operator a misspelt one was meant to be', () => {
    const object = exampleObject('no-show-rebook');
    object.entry.filter.all[0] = { property: 'lifecyclestage', notin: ['customer'] };
    expect(parseContract(object).findings[0]?.message).toBe("entry.filter.all[0].notin: unknown field; did you mean 'notIn'?");
  });

  it('accepts a UTF-8 byte-order mark before JSON', () => {
    const text = `\uFEFF${JSON.stringify(exampleObject('no-show-rebook'))}`;
    const result = parseContract(text, { format: 'json' });
    expect(result.unreadable).toBeUndefined();
    expect(result.complete?.key).toBe('no-show-rebook');
  });
});
