/**
 * Reads the app component of the HubSpot project (`hubspot/src/app/app-hsmeta.json`, reference
 * §4.3) for its OAuth scopes and redirect URLs, so the sandbox's consent page enforces the same
 * configuration a real portal would. Returns null when the file is missing.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const appFile = z.looseObject({
  config: z.looseObject({
    auth: z.looseObject({
      redirectUrls: z.array(z.string()).default([]),
      requiredScopes: z.array(z.string()).default([]),
      optionalScopes: z.array(z.string()).default([]),
      conditionallyRequiredScopes: z.array(z.string()).default([]),
    }),
  }),
});

/** OAuth settings of the app as configured in the project. */
export interface AppAuthConfig {
  redirectUrls: string[];
  requiredScopes: string[];
  optionalScopes: string[];
}

export function parseAppConfig(json: unknown): AppAuthConfig {
  const { auth } = appFile.parse(json).config;
  return {
    redirectUrls: auth.redirectUrls,
    requiredScopes: auth.requiredScopes,
    optionalScopes: [...auth.optionalScopes, ...auth.conditionallyRequiredScopes],
  };
}

export function readAppConfig(path: string): AppAuthConfig | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseAppConfig(JSON.parse(text));
  } catch (error) {
    throw new Error(`${path} is not a valid app component: ${(error as Error).message}`);
  }
}
