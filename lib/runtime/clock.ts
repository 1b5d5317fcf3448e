/**
 * The runtime's only source of "now". Production uses the system clock; sandbox mode adds a
 * persisted offset (the `clock_offset` row) so the demo can fast-forward days in seconds. Every
 * process reads the same row, so the web app, the sweeper and every worker agree on the time.
 *
 * `now()` is synchronous (the engine and stores take a plain Date); `sync()` refreshes the
 * cached offset and is called at the start of every job. The cache lives one second: a clock
 * advance reaches every process within that, and callers that must not act early (a wake-up
 * whose due time is still ahead on the cached clock) force a refresh.
 */
import type { Db } from '../db/prisma';
import { readClockOffset } from './store/clock-offset';

/** Something that tells the time. */
export interface Clock {
  now(): Date;
}

/** A clock that can refresh itself from shared state before a unit of work. */
export interface RuntimeClock extends Clock {
  /** Refreshes the cached offset when older than the cache window (or always with `force`). */
  sync(options?: { force?: boolean }): Promise<void>;
}

/** Wall-clock time. */
export const systemClock: RuntimeClock = {
  now: () => new Date(),
  sync: async () => {},
};

/** System time plus the database offset, cached for `cacheMs`. */
export function dbOffsetClock(db: Db, options: { cacheMs?: number; wall?: Clock } = {}): RuntimeClock {
  const cacheMs = options.cacheMs ?? 1000;
  const wall = options.wall ?? systemClock;
  let offset = 0;
  let readAt = -Infinity;
  return {
    now: () => new Date(wall.now().getTime() + offset),
    async sync({ force = false } = {}) {
      const at = Date.now();
      if (!force && at - readAt < cacheMs) return;
      offset = await readClockOffset(db);
      readAt = at;
    },
  };
}

/** The clock for this process: offset-able in sandbox mode, the system clock when connected. */
export function runtimeClock(db: Db, mode: 'sandbox' | 'connected'): RuntimeClock {
  return mode === 'sandbox' ? dbOffsetClock(db) : systemClock;
}
