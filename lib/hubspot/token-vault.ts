/**
 * Token vault: OAuth tokens are stored as AES-256-GCM ciphertexts, never in clear.
 *
 * Ciphertext format: `keyId:iv:tag:data`, each part base64url except the key id. The key id
 * names which configured key encrypted it, so keys can rotate: the first configured key
 * encrypts, every configured key still decrypts, and `needsReencryption` tells a reader that a
 * ciphertext should be rewritten under the current key. The portal id is the GCM associated
 * data, so a ciphertext copied onto another portal's row fails authentication instead of
 * handing one portal's token to another.
 *
 * Pure (no I/O); keys are passed in (from `env().tokenKeys`).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key with its id; the first key of a list is the current (encrypting) key. */
export interface VaultKey {
  id: string;
  key: Buffer;
}

/** Decryption failed: unknown key id, malformed text, or authentication failure (wrong portal). */
export class TokenVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenVaultError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function associatedData(portalId: bigint): Buffer {
  return Buffer.from(`waymark:portal:${portalId.toString()}`, 'utf8');
}

function currentKey(keys: readonly VaultKey[]): VaultKey {
  const key = keys[0];
  if (!key) throw new TokenVaultError('no token encryption key configured');
  return key;
}

/** Encrypts a token for one portal under the current key. */
export function encryptToken(keys: readonly VaultKey[], portalId: bigint, plaintext: string): string {
  const { id, key } = currentKey(keys);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(portalId));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [id, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(':');
}

/** Decrypts a token stored for `portalId`; throws `TokenVaultError` on any mismatch. */
export function decryptToken(keys: readonly VaultKey[], portalId: bigint, ciphertext: string): string {
  const parts = ciphertext.split(':');
  if (parts.length !== 4) throw new TokenVaultError('malformed token ciphertext');
  const [keyId, ivText, tagText, dataText] = parts as [string, string, string, string];
  const entry = keys.find((k) => k.id === keyId);
  if (!entry) throw new TokenVaultError(`token was encrypted with unknown key "${keyId}"`);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenVaultError('malformed token ciphertext');
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(portalId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM authentication failed: tampered data, wrong key material or another portal's ciphertext.
    throw new TokenVaultError('token ciphertext failed authentication (tampered or not this portal\'s)');
  }
}

/** True when the ciphertext was made with a key other than the current one. */
export function needsReencryption(keys: readonly VaultKey[], ciphertext: string): boolean {
  return ciphertext.split(':', 1)[0] !== currentKey(keys).id;
}

/** Decrypts with any configured key and encrypts again under the current key (rotation). */
export function reencryptToken(keys: readonly VaultKey[], portalId: bigint, ciphertext: string): string {
  return encryptToken(keys, portalId, decryptToken(keys, portalId, ciphertext));
}
