import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/simulate/route';

const contract = JSON.parse(readFileSync(new URL('./fixtures/no-show-rebook.json', import.meta.url), 'utf8'));
const post = (body: string) => POST(new Request('http://localhost/api/simulate', { method: 'POST', body, headers: { 'content-type': 'application/json' } }), {});

describe('POST /api/simulate', () => {
  it('answers the simulation as JSON', async () => {
    const response = await post(
      JSON.stringify({
        contract,
        record: { lifecyclestage: 'lead' },
        start: '2026-11-30T15:00:00Z',
        events: [
          { at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' },
          { at: 'P1D', event: 'meeting_booked' },
        ],
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.exit).toMatchObject({ exitId: 'exit-booked', at: '2026-12-01T15:00:00.000Z' });
    expect(body.path.map((p: { id: string }) => p.id)).toEqual(['pause', 'send-rebook', 'await-booking', 'exit-booked']);
    expect(body.decisions[0]).toMatchObject({ kind: 'trigger', outcome: 'matched', inputs: { signal: { property: 'last_meeting_outcome' } } });
  });

  it('answers 400 with the problems for bad input, never a 500', async () => {
    const response = await post(JSON.stringify({ contract, record: { a: 1 }, events: [{ at: 'soon', event: 'replied' }] }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'The simulation input is not valid', details: [expect.stringMatching(/^events\[0\]/)] });
    expect((await post('not json')).status).toBe(400);
  });
});
