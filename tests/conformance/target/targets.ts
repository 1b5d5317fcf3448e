/**
 * The targets every conformance file runs against: the sandbox always, the real portal when
 * configured. When it is not, a visible skipped test says which variables to set — the only
 * skip the suite allows.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Capability, ConformanceTarget } from './conformance-target';
import { hubspotTarget, REAL_PORTAL_VARIABLES } from './hubspot-target';
import { sandboxTarget } from './sandbox-target';

const realConfigured = REAL_PORTAL_VARIABLES.every((name) => !!process.env[name]);

/** Runs `body` once per target; `target()` gives the started target inside tests. */
export function forEachTarget(title: string, body: (target: () => ConformanceTarget) => void): void {
  const entries: [string, () => Promise<ConformanceTarget | null>][] = [
    ['sandbox', sandboxTarget],
    ['hubspot', hubspotTarget],
  ];
  for (const [name, start] of entries) {
    if (name === 'hubspot' && !realConfigured) {
      describe(`${title} [hubspot]`, () => {
        it.skip(`real portal not configured: set ${REAL_PORTAL_VARIABLES.join(', ')} (see .env.example)`, () => undefined);
      });
      continue;
    }
    describe(`${title} [${name}]`, () => {
      let current: ConformanceTarget | null = null;
      beforeAll(async () => {
        current = await start();
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error(`target ${name} did not start`);
        return current;
      });
    });
  }
}

/** A test that needs a capability: skipped with the target's stated reason when it lacks it. */
export function itWith(capability: Capability, target: () => ConformanceTarget, name: string, fn: () => Promise<void>, timeout?: number): void {
  it(name, async (context) => {
    const reason = target().unavailable[capability];
    if (reason) {
      context.skip(reason);
      return;
    }
    await fn();
  }, timeout);
}
