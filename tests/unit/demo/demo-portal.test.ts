import { describe, expect, it } from 'vitest';
import { parseContract } from '../../../lib/contracts';
import { DEMO_CONTRACTS, DEMO_EMAIL_TEMPLATES } from '../../../lib/demo/demo-portal';


describe('the demo’s contracts', () => {
  it('are the three example contracts', () => {
    expect(DEMO_CONTRACTS.map((c) => c.key).sort()).toEqual(['long-term-nurture', 'new-lead-follow-up', 'no-show-rebook']);
  });

  it('go live handoff targets first, and every send_email template has a demo email', () => {
    const order = DEMO_CONTRACTS.map((c) => c.key);
    const templates = new Set<string>();
    let handoffs = 0;
    for (const { key, source } of DEMO_CONTRACTS) {
      const parsed = parseContract(source).complete!;
      expect(parsed, key).toBeDefined();
      const json = JSON.stringify(parsed);
      for (const [, target] of json.matchAll(/"action":"start_contract","with":\{"key":"([^"]+)"/g)) {
        expect(order.indexOf(target!), `${key} hands off to ${target}`).toBeLessThan(order.indexOf(key));
        handoffs += 1;
      }
      for (const [, template] of json.matchAll(/"action":"send_email","with":\{"template":"([^"]+)"/g)) templates.add(template!);
    }
    expect(handoffs).toBeGreaterThan(0);
    expect([...templates].sort()).toEqual(Object.keys(DEMO_EMAIL_TEMPLATES).sort());
    for (const id of Object.values(DEMO_EMAIL_TEMPLATES)) expect(id).toMatch(/^\d+$/);
  });
});
