import { describe, expect, it } from 'vitest';
import { actionRef, hasRef, memberRef, withRef } from '../../../lib/hubspot/crm/write-marker';

describe('write marker', () => {
  it('is stable per action key and differs between keys', () => {
    expect(actionRef('run-1:step-a')).toBe(actionRef('run-1:step-a'));
    expect(actionRef('run-1:step-a')).not.toBe(actionRef('run-1:step-b'));
    expect(actionRef('x')).toMatch(/^wm_[0-9a-f]{24}$/);
  });

  it('is found in a body it was appended to, and only there', () => {
    const ref = actionRef('run-1:step-a');
    const body = withRef('<p>Call them back</p>', ref);
    expect(hasRef(body, ref)).toBe(true);
    expect(hasRef(body, actionRef('run-1:step-b'))).toBe(false);
    expect(hasRef(null, ref)).toBe(false);
    expect(withRef(undefined, ref)).toBe(`Waymark ref ${ref}`);
  });

  it('finds team members by the action ref but tells members apart', () => {
    const body = withRef('hi', memberRef('k', '12'));
    expect(hasRef(body, actionRef('k'))).toBe(true);
    expect(hasRef(body, memberRef('k', '12'))).toBe(true);
    expect(hasRef(body, memberRef('k', '1'))).toBe(false);
    expect(hasRef(withRef('hi', memberRef('k', '1')), memberRef('k', '12'))).toBe(false);
  });
});
