/** A finding's fingerprint: stable across audits for the same problem, readable in a diff. */
import type { AuditSubject } from './types';

export function fingerprintOf(rule: string, subject: AuditSubject, key?: string): string {
  return [rule, subject.kind, subject.id, ...(key ? [key] : [])].join(':');
}
