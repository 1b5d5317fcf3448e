// The audit recognises Waymark's workflow actions by their definition ids: the sandbox default of
// HUBSPOT_WORKFLOW_ACTION_IDS is what the sandbox assigns, a malformed value stops start-up naming it,
// and the binding turns the ids into the `actionTypeId`s a v4 flow carries.
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../../lib/env';
import { waymarkActionTypeIds } from '../../../lib/runtime/audit/audit-core-binding';
import { ACTION_DEFINITION_IDS, actionTypeIdOf } from '../../../lib/sandbox/workflows/action-definitions';

describe('workflow action ids', () => {
  it('defaults, in sandbox mode, to the ids the sandbox assigns', () => {
    const ids = waymarkActionTypeIds(parseEnv({}).hubspot.workflowActionIds);
    expect(ids).toEqual({
      checkEntry: [actionTypeIdOf('waymark_check_entry')],
      runContract: [actionTypeIdOf('waymark_run_contract')],
      declareExit: [actionTypeIdOf('waymark_declare_exit')],
    });
    expect(Object.keys(ACTION_DEFINITION_IDS)).toHaveLength(3);
  });

  it('is empty in connected mode until set, and reads uid=id lists', () => {
    const connected = { WAYMARK_MODE: 'connected', HUBSPOT_CLIENT_ID: 'c', HUBSPOT_CLIENT_SECRET: 'secret-123', DATABASE_URL: 'postgres://x/y', APP_URL: 'https://w.example', TOKEN_ENCRYPTION_KEY: 'k:' + Buffer.alloc(32, 1).toString('base64'), AUTH_SECRET: 'x'.repeat(32) };
    expect(parseEnv(connected).hubspot.workflowActionIds).toEqual({});
    expect(parseEnv({ ...connected, HUBSPOT_WORKFLOW_ACTION_IDS: 'waymark_check_entry=7, waymark_declare_exit=8,waymark_check_entry=9' }).hubspot.workflowActionIds)
      .toEqual({ checkEntry: [7, 9], declareExit: [8] });
  });

  it('refuses a malformed list, naming the variable', () => {
    expect(() => parseEnv({ HUBSPOT_WORKFLOW_ACTION_IDS: 'check=12' })).toThrow(EnvError);
    expect(() => parseEnv({ HUBSPOT_WORKFLOW_ACTION_IDS: 'waymark_check_entry=x' })).toThrow(/HUBSPOT_WORKFLOW_ACTION_IDS/);
  });
});
