/**
 * State shared between the host's `@hubspot/ui-extensions` stand-in and the mount code: the render
 * callback the card registered with `hubspot.extend`, and where `hubspot.fetch` sends requests.
 * Module state is fine here: one page renders exactly one card.
 */
import type { ReactElement } from 'react';

/** What `hubspot.extend` hands to the card's callback (only what the host emulates). */
export interface ExtensionApi {
  context: unknown;
  actions: Record<string, unknown>;
}

/** Where the card's `hubspot.fetch` calls go: the sandbox proxy, for one portal and app. */
export interface FetchTarget {
  endpoint: string;
  portalId: number;
  appId: number;
}

let extension: ((api: ExtensionApi) => ReactElement) | null = null;
let fetchTarget: FetchTarget | null = null;

export function registerExtension(render: (api: ExtensionApi) => ReactElement): void {
  extension = render;
}

export function registeredExtension(): ((api: ExtensionApi) => ReactElement) | null {
  return extension;
}

export function setFetchTarget(target: FetchTarget): void {
  fetchTarget = target;
}

export function currentFetchTarget(): FetchTarget {
  if (!fetchTarget) throw new Error('hubspot.fetch called before the card host was mounted');
  return fetchTarget;
}
