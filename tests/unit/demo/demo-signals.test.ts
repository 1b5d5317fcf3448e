import { describe, expect, it } from 'vitest';
import { DEMO_SIGNALS, isDemoSignal } from '../../../lib/demo/sandbox-control';

// The landing page reads `?played=` from the URL: a name inherited from Object.prototype must not
// pass for a signal (its "label" would be a function, and the page would answer 500).
describe('isDemoSignal', () => {
  it('accepts the demo signals and nothing else', () => {
    for (const signal of Object.keys(DEMO_SIGNALS)) expect(isDemoSignal(signal), signal).toBe(true);
    for (const other of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'explode', '']) expect(isDemoSignal(other), other).toBe(false);
  });
});
