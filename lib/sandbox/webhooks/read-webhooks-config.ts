/**
 * Reads subscriptions from a HubSpot project webhooks component (`*-hsmeta.json`, platform
 * 2025.2+, reference §4.4): `legacyCrmObjects` (`contact.propertyChange` style), `crmObjects`
 * (`object.*` with `objectType`, or `objectName` in 2025.1) and `hubEvents`. Returns null when the
 * file is missing so the caller falls back to the defaults; a malformed file is an error.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveObjectType } from '../state/object-types';
import type { EventKind, Subscription } from './subscription';

const entry = z.looseObject({
  subscriptionType: z.string(),
  objectType: z.string().optional(),
  objectName: z.string().optional(),
  propertyName: z.string().optional(),
  active: z.boolean().default(true),
});

const file = z.looseObject({
  config: z.looseObject({
    settings: z.looseObject({ targetUrl: z.string().optional(), maxConcurrentRequests: z.number().int().positive().optional() }).optional(),
    subscriptions: z.looseObject({
      crmObjects: z.array(entry).default([]),
      legacyCrmObjects: z.array(entry).default([]),
      hubEvents: z.array(entry).default([]),
    }),
  }),
});

const EVENTS = new Set<EventKind>(['creation', 'deletion', 'privacyDeletion', 'merge', 'restore', 'propertyChange', 'associationChange']);

/** Parsed webhooks component: subscriptions plus optional settings. */
export interface WebhooksConfig {
  subscriptions: Subscription[];
  targetUrl?: string;
  maxConcurrentRequests?: number;
}

/** Parses the component JSON (pure; exported for tests). Unsupported entries (conversation.*) are skipped. */
export function parseWebhooksConfig(json: unknown): WebhooksConfig {
  const parsed = file.parse(json);
  const subscriptions: Subscription[] = [];
  let id = 1;
  const add = (raw: z.infer<typeof entry>, format: Subscription['format']) => {
    const [prefix, action] = raw.subscriptionType.split('.') as [string, string | undefined];
    const typeName = format === 'generic' ? (raw.objectType ?? raw.objectName ?? '') : prefix;
    const objectType = resolveObjectType(typeName);
    if (!objectType || !action || !EVENTS.has(action as EventKind)) return;
    subscriptions.push({
      id: id++, format, objectType, event: action as EventKind, active: raw.active,
      ...(raw.propertyName ? { propertyName: raw.propertyName } : {}),
    });
  };
  parsed.config.subscriptions.legacyCrmObjects.forEach((raw) => add(raw, 'legacy'));
  parsed.config.subscriptions.crmObjects.forEach((raw) => add(raw, 'generic'));
  parsed.config.subscriptions.hubEvents.forEach((raw) => add(raw, 'legacy'));
  return {
    subscriptions,
    targetUrl: parsed.config.settings?.targetUrl,
    maxConcurrentRequests: parsed.config.settings?.maxConcurrentRequests,
  };
}

/** Reads and parses the file, or null when it does not exist. */
export function readWebhooksConfig(path: string): WebhooksConfig | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseWebhooksConfig(JSON.parse(text));
  } catch (error) {
    throw new Error(`${path} is not a valid webhooks component: ${(error as Error).message}`);
  }
}
