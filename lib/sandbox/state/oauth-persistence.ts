/**
 * Optional persistence of OAuth grants (installations, refresh and access tokens) to a JSON file,
 * so that restarting `npm run dev` does not silently uninstall Waymark from the demo portal: the
 * app's database keeps its tokens, and the restarted sandbox still honours them. Records are not
 * persisted (the demo portal is re-seeded with the same ids); this is a sandbox, not a database.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { log } from '../../log';
import type { OAuthStore } from './oauth-store';

const grant = { appId: z.number(), portalId: z.number(), userId: z.number(), scopes: z.array(z.string()) };
const snapshot = z.object({
  version: z.literal(1),
  accessTokens: z.array(z.object({ ...grant, token: z.string(), expiresAt: z.number(), refreshToken: z.string() })),
  refreshTokens: z.array(z.object({ ...grant, token: z.string(), revoked: z.boolean() })),
  installations: z.array(z.object({ ...grant, installedAt: z.number(), active: z.boolean() })),
});

export function serializeOAuth(store: OAuthStore): string {
  const value: z.infer<typeof snapshot> = {
    version: 1,
    accessTokens: [...store.accessTokens.values()],
    refreshTokens: [...store.refreshTokens.values()],
    installations: [...store.installations.values()],
  };
  return JSON.stringify(value);
}

/** Loads grants for portals that exist; a missing or unreadable file starts empty (logged). */
export function loadOAuth(store: OAuthStore, path: string, portalExists: (id: number) => boolean): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const parsed = snapshot.safeParse((() => { try { return JSON.parse(text); } catch { return null; } })());
  if (!parsed.success) {
    log.warn('sandbox: ignoring unreadable OAuth snapshot', { path });
    return;
  }
  for (const t of parsed.data.accessTokens) if (portalExists(t.portalId)) store.accessTokens.set(t.token, t);
  for (const t of parsed.data.refreshTokens) if (portalExists(t.portalId)) store.refreshTokens.set(t.token, t);
  for (const i of parsed.data.installations) if (portalExists(i.portalId)) store.installations.set(`${i.portalId}:${i.appId}`, i);
}

/** Writes a snapshot (from serializeOAuth, which the caller has already run to see if it changed) atomically (temp file + rename). */
export function saveOAuth(snapshotText: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, snapshotText);
  renameSync(temp, path);
}
