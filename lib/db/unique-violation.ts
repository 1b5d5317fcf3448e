/**
 * Recognises a unique-index violation (SQLSTATE 23505) however it surfaces: from `pg` directly
 * or wrapped by Prisma (P2002, or the driver adapter's error). Returns the index name when known,
 * so callers can tell which invariant refused the write.
 */
export function uniqueViolation(error: unknown): { index?: string } | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { code?: string; constraint?: string; message?: string; meta?: unknown; cause?: unknown };
  if (e.code === '23505') return { index: e.constraint };
  if (e.code === 'P2002' || /unique constraint|duplicate key value/i.test(e.message ?? '')) {
    const text = JSON.stringify(e.meta ?? {}) + ' ' + (e.message ?? '');
    const match = /"?([a-z0-9_]+(?:_key|_pkey|_one_active_per_record|_one_holder))"?/.exec(text);
    return { index: match?.[1] };
  }
  if (e.cause) return uniqueViolation(e.cause);
  return null;
}
