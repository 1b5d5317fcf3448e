// The three custom workflow actions (src/app/workflow-actions/*-hsmeta.json): the shape HubSpot's
// project upload accepts (developer platform 2025.2, `workflow-action` component), pointed at the
// app's action endpoints, with labels an admin reads in the workflow editor.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_URL } from '../src/app/cards/waymark-config';

const dir = fileURLToPath(new URL('../src/app/workflow-actions/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('-hsmeta.json')).sort();
const actions = Object.fromEntries(files.map((f) => [f.replace('-hsmeta.json', ''), JSON.parse(readFileSync(`${dir}${f}`, 'utf8'))]));

interface Field {
  typeDefinition: { name: string; type: string; fieldType: string; options?: { value: string; label: string }[] };
  supportedValueTypes: string[];
  isRequired?: boolean;
}
const names = (fields: Field[]) => fields.map((f) => f.typeDefinition.name);

// What each action takes and answers (issue #13); the app's route handlers read exactly these.
const EXPECTED = {
  'check-entry': { name: 'Check Waymark entry', inputs: ['lane', 'contract'], required: [], outputs: ['allowed', 'reason', 'activeContract', 'laneHolder'] },
  'run-contract': { name: 'Run a Waymark contract and wait for its exit', inputs: ['contract'], required: ['contract'], outputs: ['exitId', 'outcome', 'reason'] },
  'declare-exit': { name: 'Declare exit state', inputs: ['workflowExit', 'releaseLane'], required: ['workflowExit'], outputs: ['recorded'] },
} as const;

describe('workflow-actions/*-hsmeta.json', () => {
  it('defines exactly the three Waymark actions with unique uids', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(EXPECTED).sort());
    const uids = Object.values(actions).map((a) => a.uid);
    expect(new Set(uids).size).toBe(3);
    for (const uid of uids) expect(uid).toMatch(/^[a-z0-9_]{1,64}$/);
  });

  for (const [key, expected] of Object.entries(EXPECTED)) {
    describe(key, () => {
      const action = actions[key];
      it('is a published workflow-action calling its endpoint on the app URL', () => {
        expect(action.type).toBe('workflow-action');
        expect(action.config.actionUrl).toBe(`${APP_URL}/api/hubspot/actions/${key}`);
        expect(new URL(action.config.actionUrl).protocol).toBe('https:');
        expect(action.config.isPublished).toBe(true);
        expect(action.config.supportedClients).toEqual([{ client: 'WORKFLOWS' }]);
      });

      it('is offered on the object types Waymark governs', () => {
        expect(action.config.objectTypes).toEqual(['CONTACT', 'COMPANY', 'DEAL', 'TICKET']);
      });

      it('takes and answers the documented fields, each labelled for an admin', () => {
        expect(names(action.config.inputFields)).toEqual(expected.inputs);
        expect(action.config.inputFields.filter((f: Field) => f.isRequired).map((f: Field) => f.typeDefinition.name)).toEqual(expected.required);
        expect(names(action.config.outputFields)).toEqual(expected.outputs);
        const labels = action.config.labels.en;
        expect(labels.actionName).toBe(expected.name);
        expect(labels.actionDescription.length).toBeGreaterThan(60);
        for (const input of expected.inputs) {
          expect(labels.inputFieldLabels[input], input).toBeTruthy();
          expect(labels.inputFieldDescriptions[input], input).toBeTruthy();
        }
        for (const output of expected.outputs) expect(labels.outputFieldLabels[output], output).toBeTruthy();
        for (const field of [...action.config.inputFields, ...action.config.outputFields] as Field[]) {
          expect(['string', 'enumeration', 'number', 'bool']).toContain(field.typeDefinition.type);
          expect(field.supportedValueTypes.length).toBeGreaterThan(0);
          if (field.typeDefinition.type === 'enumeration') expect(field.typeDefinition.options?.length).toBeGreaterThan(1);
        }
      });
    });
  }

  it('lets a workflow branch on allowed = true/false and on the run outcome', () => {
    const allowed = actions['check-entry'].config.outputFields.find((f: Field) => f.typeDefinition.name === 'allowed');
    expect(allowed.typeDefinition.options.map((o: { value: string }) => o.value)).toEqual(['true', 'false']);
    const outcome = actions['run-contract'].config.outputFields.find((f: Field) => f.typeDefinition.name === 'outcome');
    expect(outcome.typeDefinition.options.map((o: { value: string }) => o.value)).toContain('not-entered');
  });
});
