/**
 * Reads the claims of the embed token an embedded page was opened with (the edge between a page
 * and `verifyEmbedToken`: configuration and the clock are read here, not in render code).
 */
import { env } from '../env';
import { verifyEmbedToken, type EmbedTokenResult } from './embed-token';

export function embedClaimsFromParams(params: Record<string, string | string[] | undefined>): EmbedTokenResult {
  const token = typeof params.token === 'string' ? params.token : undefined;
  return verifyEmbedToken(env().authSecret, token, Date.now());
}
