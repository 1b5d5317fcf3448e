import { describe, expect, it } from 'vitest';
import { parseModalMessage } from '@/lib/sandbox/card-host/modal-message';

describe('parseModalMessage (how an embedded page closes its iframe modal)', () => {
  it('accepts the legacy JSON string and the plain object', () => {
    expect(parseModalMessage(JSON.stringify({ action: 'DONE' }))).toBe('DONE');
    expect(parseModalMessage({ action: 'DONE' })).toBe('DONE');
    expect(parseModalMessage('{"action":"CANCEL"}')).toBe('CANCEL');
  });

  it('ignores anything else', () => {
    for (const data of ['DONE', '{"action":"done"}', '{not json', { action: 'CLOSE' }, null, 42, ['DONE'], { type: 'DONE' }]) {
      expect(parseModalMessage(data), JSON.stringify(data)).toBeNull();
    }
  });
});
