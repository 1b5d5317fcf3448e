/**
 * Framing policy for the embedded pages (`/embed/*`): only HubSpot's app origins may frame them,
 * plus, in sandbox mode, the local sandbox that plays HubSpot's record page. Every other page
 * keeps `frame-ancestors 'none'` (next.config.js). Pure: the configuration is passed in.
 */
export interface EmbedCspConfig {
  isSandbox: boolean;
  /** Sandbox URL and the configured HubSpot hosts (which point at the sandbox in sandbox mode). */
  sandboxOrigins: readonly string[];
}

export const HUBSPOT_FRAME_ANCESTORS = ['https://app.hubspot.com', 'https://*.hubspot.com'] as const;

function origin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The `Content-Security-Policy` value for embedded pages. */
export function embedContentSecurityPolicy(config: EmbedCspConfig): string {
  const ancestors = new Set<string>(HUBSPOT_FRAME_ANCESTORS);
  if (config.isSandbox) {
    for (const url of config.sandboxOrigins) {
      const o = origin(url);
      if (o) ancestors.add(o);
    }
  }
  return `frame-ancestors ${[...ancestors].join(' ')}`;
}
