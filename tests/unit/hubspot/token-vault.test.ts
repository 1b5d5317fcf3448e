import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken, needsReencryption, reencryptToken, TokenVaultError, type VaultKey } from '../../../lib/hubspot/token-vault';

const k1: VaultKey = { id: 'k1', key: randomBytes(32) };
const k2: VaultKey = { id: 'k2', key: randomBytes(32) };

describe('token vault', () => {
  it('round-trips a token and never contains it in clear', () => {
    const token = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';
    const cipher = encryptToken([k1], 62515n, token);
    expect(cipher.split(':')).toHaveLength(4);
    expect(cipher.startsWith('k1:')).toBe(true);
    expect(cipher).not.toContain(token);
    expect(decryptToken([k1], 62515n, cipher)).toBe(token);
  });

  it('uses a fresh 12-byte IV each time', () => {
    const a = encryptToken([k1], 1n, 'same');
    const b = encryptToken([k1], 1n, 'same');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split(':')[1] as string, 'base64url')).toHaveLength(12);
  });

  it('refuses a ciphertext copied to another portal (portal id is associated data)', () => {
    const cipher = encryptToken([k1], 62515n, 'secret-token');
    expect(() => decryptToken([k1], 62516n, cipher)).toThrow(TokenVaultError);
  });

  it('refuses tampered data, tag or iv', () => {
    const [id, iv, tag, data] = encryptToken([k1], 7n, 'secret-token').split(':') as [string, string, string, string];
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString('base64url');
    };
    expect(() => decryptToken([k1], 7n, [id, iv, tag, flip(data)].join(':'))).toThrow(TokenVaultError);
    expect(() => decryptToken([k1], 7n, [id, iv, flip(tag), data].join(':'))).toThrow(TokenVaultError);
    expect(() => decryptToken([k1], 7n, [id, flip(iv), tag, data].join(':'))).toThrow(TokenVaultError);
    expect(() => decryptToken([k1], 7n, 'garbage')).toThrow(TokenVaultError);
  });

  it('rotates: old keys still decrypt, new writes use the first key, re-encryption moves to it', () => {
    const old = encryptToken([k1], 9n, 'tok');
    const keys = [k2, k1];
    expect(decryptToken(keys, 9n, old)).toBe('tok');
    expect(needsReencryption(keys, old)).toBe(true);
    const fresh = reencryptToken(keys, 9n, old);
    expect(fresh.startsWith('k2:')).toBe(true);
    expect(needsReencryption(keys, fresh)).toBe(false);
    expect(decryptToken([k2], 9n, fresh)).toBe('tok');
  });

  it('names an unknown key id instead of failing obscurely', () => {
    const cipher = encryptToken([k2], 9n, 'tok');
    expect(() => decryptToken([k1], 9n, cipher)).toThrow(/unknown key "k2"/);
  });
});
