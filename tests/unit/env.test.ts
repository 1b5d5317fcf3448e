import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, SANDBOX_DEFAULTS } from '../../lib/env';

describe('parseEnv', () => {
  it('defaults to sandbox mode with documented credentials when nothing is set', () => {
    const config = parseEnv({});
    expect(config.mode).toBe('sandbox');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.hubspot.clientId).toBe(SANDBOX_DEFAULTS.HUBSPOT_CLIENT_ID);
    expect(config.hubspot.apiBase).toBe('http://127.0.0.1:4010');
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.tokenKeys).toHaveLength(1);
    expect(config.tokenKeys[0]?.key.length).toBe(32);
  });

  it('lets variables override sandbox defaults so outside tests can sign requests', () => {
    const config = parseEnv({ HUBSPOT_CLIENT_SECRET: 'my-own-secret-123', PORT: '4123', APP_URL: 'https://example.test/' });
    expect(config.hubspot.clientSecret).toBe('my-own-secret-123');
    expect(config.port).toBe(4123);
    expect(config.appUrl).toBe('https://example.test');
  });

  it('names every missing variable in connected mode', () => {
    try {
      parseEnv({ WAYMARK_MODE: 'connected', HUBSPOT_CLIENT_ID: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      for (const name of ['HUBSPOT_CLIENT_SECRET', 'DATABASE_URL', 'APP_URL', 'TOKEN_ENCRYPTION_KEY', 'AUTH_SECRET']) {
        expect(message).toContain(name);
      }
      expect(message).not.toContain('HUBSPOT_CLIENT_ID is required');
    }
  });

  it('rejects malformed values with the variable name', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: 'k1:dG9vLXNob3J0' })).toThrow(/TOKEN_ENCRYPTION_KEY.*32 bytes/);
    expect(() => parseEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
  });

  it('accepts several encryption keys, the first one current', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('base64');
    const config = parseEnv({ TOKEN_ENCRYPTION_KEY: `new:${a}, old:${b}` });
    expect(config.tokenKeys.map((k) => k.id)).toEqual(['new', 'old']);
  });

  it('treats blank variables as unset', () => {
    expect(parseEnv({ DATABASE_URL: '  ', PORT: '' }).port).toBe(3000);
  });
});
