import { describe, expect, it } from 'vitest';
import { runtimeCollisionsPrevented } from '../../../lib/audit/rules/runtime-collisions-prevented';
import { runtimeEndedWithoutExit } from '../../../lib/audit/rules/runtime-ended-without-exit';
import { runtimeFailureSpike } from '../../../lib/audit/rules/runtime-failure-spike';
import { runtimeStageWritesRefused } from '../../../lib/audit/rules/runtime-stage-writes-refused';
import { runtimeStuckRuns } from '../../../lib/audit/rules/runtime-stuck-runs';
import { runtimeZombie } from '../../../lib/audit/rules/runtime-zombie';
import type { ContractRuntimeFacts, RuntimeFacts } from '../../../lib/audit';
import { auditContract, auditInput, check, quietFacts } from './audit-fixtures';

// NOW is 2026-12-01T12:00:00Z.
const withFacts = (over: Partial<ContractRuntimeFacts>, status: 'live' | 'paused' = 'live', runtime: Partial<RuntimeFacts> = {}) =>
  auditInput({ contracts: [auditContract({}, status)], runtime: { contracts: { c1: quietFacts(over) }, ...runtime } });
const days = (...failures: number[]) => failures.map((n, i) => ({ day: `2026-11-${String(20 + i).padStart(2, '0')}`, failures: n }));

describe('runtime- rules over the state store facts', () => {
  it('quiet facts give no runtime finding at all', () => {
    const input = withFacts({ failuresPerDay: days(1, 0, 2, 1), failuresLast24h: 2 });
    for (const rule of [runtimeStuckRuns, runtimeFailureSpike, runtimeZombie, runtimeCollisionsPrevented, runtimeStageWritesRefused, runtimeEndedWithoutExit]) {
      expect(check(rule, input), rule.id).toEqual([]);
    }
  });

  it('runtime-stuck-runs: past the expected duration is a warning, an overdue wake-up an error; on time is clean', () => {
    const run = (over: object) => ({ runId: 'r1', recordId: '501', startedAt: '2026-11-01T00:00:00Z', ...over });
    expect(check(runtimeStuckRuns, withFacts({ activeRuns: [run({ expectedBy: '2026-11-30T00:00:00Z' })] }))).toMatchObject([
      { severity: 'warning', subject: { kind: 'contract', id: 'c1' }, evidence: [expect.stringContaining('r1 (record 501')] },
    ]);
    expect(check(runtimeStuckRuns, withFacts({ activeRuns: [run({ wakeUpDueAt: '2026-12-01T11:00:00Z' })] }))).toMatchObject([
      { severity: 'error', fingerprint: 'runtime-stuck-runs:contract:c1' },
    ]);
    // Due in the future, or a wake-up only a few minutes late (within the sweeper's grace).
    const onTime = [run({ runId: 'r2', expectedBy: '2026-12-05T00:00:00Z' }), run({ runId: 'r3', wakeUpDueAt: '2026-12-01T11:55:00Z' })];
    expect(check(runtimeStuckRuns, withFacts({ activeRuns: onTime }))).toEqual([]);
  });

  it('runtime-failure-spike: far above the own baseline; the same count over a high baseline or a short history is clean', () => {
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: days(1, 0, 2, 1), failuresLast24h: 12 }))).toMatchObject([
      { severity: 'warning', message: expect.stringContaining('failed 12 times'), evidence: ['last 24 h: 12 failures', expect.stringContaining('2026-11-20: 1')] },
    ]);
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: days(10, 9, 11, 12), failuresLast24h: 12 }))).toEqual([]);
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: days(0, 0), failuresLast24h: 12 }))).toEqual([]);
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: days(0, 0, 0, 0), failuresLast24h: 4 }))).toEqual([]);
    // The store lists only days that had failures: a contract that never failed and now fails 12 times is a spike.
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: [], baselineDays: 29, failuresLast24h: 12 }))).toMatchObject([
      { evidence: ['last 24 h: 12 failures', 'baseline over 29 days: no failures'] },
    ]);
    // Two bad days in a quiet month are a low baseline, not one of 5 a day.
    expect(check(runtimeFailureSpike, withFacts({ failuresPerDay: days(5, 5), baselineDays: 29, failuresLast24h: 6 }))).toMatchObject([
      { message: expect.stringContaining('baseline of 0.3 a day'), evidence: [expect.any(String), expect.stringContaining('(other days none)')] },
    ]);
  });

  it('runtime-zombie: live and nobody enrolled in 30 days (or never since going live); paused or recent is clean', () => {
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: '2026-10-15T00:00:00Z' }))).toMatchObject([{ subject: { id: 'c1' }, evidence: ['last enrolment: 2026-10-15T00:00:00Z'] }]);
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: null, liveSince: '2026-09-01T00:00:00Z' }))).toMatchObject([{ evidence: ['last enrolment: never', 'live since 2026-09-01T00:00:00Z'] }]);
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: '2026-10-15T00:00:00Z' }, 'paused'))).toEqual([]);
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: '2026-11-15T00:00:00Z' }))).toEqual([]);
    // Never enrolled, but live for a week: too early to judge. Unknown since: nothing to judge.
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: null, liveSince: '2026-11-24T00:00:00Z' }))).toEqual([]);
    expect(check(runtimeZombie, withFacts({ lastEnrolledAt: null }))).toEqual([]);
  });

  it('runtime-collisions-prevented: refusals by kind with examples, as information', () => {
    const refusals = [
      { kind: 'lane_held' as const, count: 7, examples: ['501', '502', '503', '504', '505', '506'] },
      { kind: 'idempotency_duplicate' as const, count: 1, examples: ['r9'] },
      { kind: 'already_active' as const, count: 0, examples: [] },
    ];
    expect(check(runtimeCollisionsPrevented, withFacts({ refusals }))).toMatchObject([{
      severity: 'info', message: expect.stringContaining('prevented 8'),
      evidence: ['7× another path held the lane: 501, 502, 503, 504, 505 and 2 more', '1× the same write was asked for twice (idempotency key): r9'],
    }]);
    expect(check(runtimeCollisionsPrevented, withFacts({ refusals: [{ kind: 'already_active', count: 0, examples: [] }] }))).toEqual([]);
  });

  it('runtime-stage-writes-refused: refused writes with examples', () => {
    expect(check(runtimeStageWritesRefused, withFacts({ stageWritesRefused: { count: 2, examples: ['record 501', 'record 502'] } }))).toMatchObject([
      { severity: 'warning', evidence: ['refused: record 501, record 502'] },
    ]);
  });

  it('runtime-ended-without-exit: per contract and portal-wide; zero is the proof that it never happened', () => {
    expect(check(runtimeEndedWithoutExit, withFacts({ endedWithoutExit: { count: 1, examples: ['r7'] } }))).toMatchObject([
      { severity: 'error', subject: { kind: 'contract', id: 'c1' }, evidence: ['runs: r7'] },
    ]);
    expect(check(runtimeEndedWithoutExit, withFacts({}, 'live', { endedWithoutExit: { count: 3, examples: [] } }))).toMatchObject([
      { severity: 'error', subject: { kind: 'portal', id: '123' }, fingerprint: 'runtime-ended-without-exit:portal:123' },
    ]);
    expect(check(runtimeEndedWithoutExit, withFacts({}, 'live', { endedWithoutExit: { count: 0, examples: [] } }))).toEqual([]);
  });
});
