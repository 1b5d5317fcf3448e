/**
 * Reads the app card component of the HubSpot project (`src/app/cards/*-hsmeta.json`) so the
 * sandbox renders the same entrypoint HubSpot would build, for the locations and object types
 * the card declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const cardFile = z.looseObject({
  uid: z.string(),
  type: z.literal('card'),
  config: z.looseObject({
    name: z.string(),
    location: z.string(),
    entrypoint: z.string().startsWith('/'),
    objectTypes: z.array(z.string()),
  }),
});

/** The card as configured, with the absolute path of its source. */
export interface CardConfig {
  uid: string;
  name: string;
  location: string;
  objectTypes: string[];
  entrypointPath: string;
}

/** The card config file the sandbox renders (one card per app today). */
const CARD_CONFIG_FILE = 'src/app/cards/waymark-card-hsmeta.json';

export function readCardConfig(projectDir: string): CardConfig {
  const parsed = cardFile.parse(JSON.parse(readFileSync(join(projectDir, CARD_CONFIG_FILE), 'utf8')));
  return {
    uid: parsed.uid,
    name: parsed.config.name,
    location: parsed.config.location,
    objectTypes: parsed.config.objectTypes,
    // Entrypoints are relative to the project's srcDir ("/app/cards/X.tsx" → hubspot/src/app/cards/X.tsx).
    entrypointPath: join(projectDir, 'src', parsed.config.entrypoint),
  };
}
