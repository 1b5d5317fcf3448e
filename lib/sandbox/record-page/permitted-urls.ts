/**
 * `hubspot.fetch` may only call URLs listed in the app's `permittedUrls.fetch` (HTTPS, never
 * localhost). Locally the app runs elsewhere, so, like a `hs project dev` proxy entry, the
 * sandbox maps a permitted origin onto the local app's origin, keeping path and query exactly as
 * the card wrote them (the signature covers them byte for byte).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const appFile = z.looseObject({
  config: z.looseObject({
    permittedUrls: z.looseObject({ fetch: z.array(z.string()).default([]), iframe: z.array(z.string()).default([]) }).optional(),
  }),
});

/** The app's permitted fetch URLs from `src/app/app-hsmeta.json`; empty when the file is missing. */
export function readPermittedFetchUrls(projectDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(projectDir, 'src/app/app-hsmeta.json'), 'utf8');
  } catch {
    return [];
  }
  return appFile.parse(JSON.parse(text)).config.permittedUrls?.fetch ?? [];
}

/** Where a card request goes, or why HubSpot would refuse it. */
export type CardFetchTarget = { ok: true; target: string } | { ok: false; message: string };

function isUnder(url: string, permitted: string): boolean {
  if (url === permitted) return true;
  const base = permitted.replace(/\/+$/, '');
  return url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}

export function resolveCardFetchTarget(url: string, permitted: readonly string[], appOrigin: string): CardFetchTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `hubspot.fetch needs an absolute URL, got "${url}"` };
  }
  const match = permitted.find((entry) => isUnder(url, entry));
  if (!match) return { ok: false, message: `${parsed.origin} is not in the app's permittedUrls.fetch` };
  const origin = new URL(match).origin;
  return { ok: true, target: `${appOrigin.replace(/\/+$/, '')}${url.slice(origin.length)}` };
}
