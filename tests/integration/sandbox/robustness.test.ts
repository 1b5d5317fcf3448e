import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../lib/sandbox/handlers/routes';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

// Control routes that change how the sandbox itself behaves are left out: a random body could
// otherwise install a fault or a rate limit that changes the remaining cases.
const EXCLUDED = ['/_sandbox/faults', '/_sandbox/rate-limits', '/_sandbox/search', '/_sandbox/webhooks/controls', '/_sandbox/webhooks/drain', '/_sandbox/record', '/_sandbox/records', '/_sandbox/card'];

const targets = ROUTES.flatMap((route) =>
  route.paths.filter((path) => !EXCLUDED.some((prefix) => path.startsWith(prefix))).map((path) => ({ method: route.method, path })),
);

let sandbox: SandboxHandle;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: 'fuzz-client', clientSecret: 'fuzz-secret-123456', appTargetUrl: null, projectDir: '/nonexistent' });
  token = sandbox.state.install(sandbox.demoPortalId, 'fuzz-client').token;
});

afterAll(async () => {
  await sandbox?.stop();
});

const segment = fc.oneof(
  fc.constantFrom('contacts', 'deals', '0-1', 'tasks', 'meetings', '1001', '1005', '62515', 'default', 'reply', 'bounce', '%', '..', 'x%2Fy'),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => encodeURIComponent(s)),
);
const body = fc.oneof(
  fc.json(),
  fc.constant('{"properties":{"email":{"nested":true}}}'),
  fc.constant('{"inputs":[{"id":null}]}'),
  fc.constant('{"filterGroups":[{"filters":[{"propertyName":"email","operator":"IN"}]}]}'),
  fc.string(),
);

describe('sandbox robustness', () => {
  it('answers any path parameters and any body on every route with a non-5xx, well-formed response', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.array(segment, { minLength: 6, maxLength: 6 }), body, fc.boolean(), async (target, values, raw, form) => {
        let i = 0;
        const path = target.path.replace(/:[A-Za-z]+/g, () => values[i++]!);
        const response = await fetch(`${sandbox.url}${path}?limit=${values[0]}&after=${values[1]}&properties=${values[2]}`, {
          method: target.method,
          headers: { authorization: `Bearer ${token}`, 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
          body: target.method === 'GET' ? undefined : raw,
        });
        const text = await response.text();
        expect(response.status, `${target.method} ${path} → ${text.slice(0, 200)}`).toBeLessThan(500);
        if ((response.headers.get('content-type') ?? '').includes('json') && text) expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
