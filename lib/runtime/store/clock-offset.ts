/** Statements on `clock_offset`: the sandbox's shared fast-forward offset (one row; see ../clock.ts). */
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/prisma';

/** Reads the persisted offset (0 when the row does not exist yet). */
export async function readClockOffset(db: Db): Promise<number> {
  const row = await db.clockOffset.findUnique({ where: { id: 1 } });
  return row ? Number(row.offsetMs) : 0;
}

/** Moves the shared clock forward by `ms` and returns the new offset. */
export async function advanceClockOffset(db: Db | Prisma.TransactionClient, ms: number): Promise<number> {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
  const rows = await db.$queryRawUnsafe<{ offset_ms: bigint }[]>(
    `INSERT INTO clock_offset (id, offset_ms) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET offset_ms = clock_offset.offset_ms + EXCLUDED.offset_ms
     RETURNING offset_ms`,
    BigInt(Math.round(ms)),
  );
  return Number(rows[0]?.offset_ms ?? 0);
}
