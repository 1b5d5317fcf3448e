/** What every audit rule sees, built once per audit from the plain input. */
import type { AuditInput, AuditOptions } from './types';

export type AuditContext = {
  input: AuditInput;
  now: Date;
};

/** Build the shared context (graphs and indexes are added here as rules need them). */
export function buildAuditContext(input: AuditInput, options: AuditOptions): AuditContext {
  return { input, now: options.now };
}
