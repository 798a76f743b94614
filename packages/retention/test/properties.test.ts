import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { type BackupRecord, planRetention, RETENTION_RULES, type RetentionPolicy } from '../src/index';

const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 3 * 365 * 86_400_000;
const NOW = new Date(START + SPAN);

const backupsArbitrary = fc
  .array(
    fc.record({
      // Minutes, so that many backups share hours and days; some share the very same minute.
      offsetMinutes: fc.oneof(
        fc.integer({ min: 0, max: SPAN / 60_000 }),
        fc.integer({ min: 0, max: 4 }).map((slot) => SPAN / 60_000 - slot * 1440),
      ),
      complete: fc.boolean(),
      verified: fc.boolean(),
      pinned: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0), // one in ten
      damaged: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
    }),
    { maxLength: 120 },
  )
  .map((rows) =>
    rows.map(
      (row, index): BackupRecord => ({
        id: `b${String(index).padStart(3, '0')}`,
        time: new Date(START + row.offsetMinutes * 60_000),
        complete: row.complete,
        verified: row.verified,
        pinned: row.pinned,
        ...(row.damaged ? { damaged: 'manifest.json is not valid JSON' } : {}),
      }),
    ),
  );

const countArbitrary = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(Number.POSITIVE_INFINITY));

const policyArbitrary: fc.Arbitrary<RetentionPolicy> = fc
  .record(
    {
      last: countArbitrary,
      hourly: countArbitrary,
      daily: countArbitrary,
      weekly: countArbitrary,
      monthly: countArbitrary,
      yearly: countArbitrary,
    },
    { requiredKeys: [] },
  )
  .map((policy) => policy as RetentionPolicy);

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}

describe('planRetention properties', () => {
  test('the newest complete backup is always kept', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const complete = backups.filter((backup) => backup.complete && !backup.damaged);
        const newest = Math.max(...complete.map((backup) => backup.time.getTime()));
        const plan = planRetention(backups, policy, NOW);
        for (const removed of plan.remove) expect(removed.time.getTime()).toBeLessThanOrEqual(newest);
        if (complete.length > 0) {
          expect(plan.keep.some((kept) => kept.time.getTime() === newest)).toBe(true);
          expect(plan.keep[0]?.reasons).toContain('newest complete');
        }
      }),
    );
  });

  test('keep and remove split exactly the sound complete backups, and every kept backup has a reason', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const plan = planRetention(backups, policy, NOW);
        const kept = plan.keep.map((entry) => entry.id);
        const removed = plan.remove.map((entry) => entry.id);
        const ids = (keep: (backup: BackupRecord) => boolean) =>
          backups
            .filter(keep)
            .map((backup) => backup.id)
            .sort();
        expect(new Set([...kept, ...removed]).size).toBe(kept.length + removed.length);
        expect([...kept, ...removed].sort()).toEqual(ids((b) => b.complete && !b.damaged));
        expect(plan.incomplete.map((entry) => entry.id).sort()).toEqual(
          ids((b) => !b.complete && !b.damaged),
        );
        expect(plan.damaged.map((entry) => entry.id).sort()).toEqual(ids((b) => b.damaged !== undefined));
        for (const entry of plan.keep) expect(entry.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  test('the plan does not depend on the order of the input', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, fc.array(fc.integer()), (backups, policy, keys) => {
        expect(planRetention(shuffled(backups, keys), policy, NOW)).toEqual(
          planRetention(backups, policy, NOW),
        );
      }),
    );
  });

  test('whatever the policy, the newest verified complete backup is kept', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const plan = planRetention(backups, policy, NOW);
        const verified = backups
          .filter((backup) => backup.complete && backup.verified && !backup.damaged)
          .sort((a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1));
        const newestVerified = verified[0];
        if (newestVerified) expect(plan.keep.map((entry) => entry.id)).toContain(newestVerified.id);
      }),
    );
  });

  test('raising a count never removes a backup that was kept', () => {
    fc.assert(
      fc.property(
        backupsArbitrary,
        policyArbitrary,
        fc.constantFrom(...RETENTION_RULES),
        fc.integer({ min: 1, max: 5 }),
        (backups, policy, rule, extra) => {
          const before = planRetention(backups, policy, NOW).keep.map((entry) => entry.id);
          const raised = { ...policy, [rule]: (policy[rule] ?? 0) + extra };
          const after = new Set(planRetention(backups, raised, NOW).keep.map((entry) => entry.id));
          // Adding a rule to an empty policy turns "keep everything" into real rules; skip that case.
          if (RETENTION_RULES.some((name) => policy[name] !== undefined)) {
            for (const id of before) expect(after.has(id)).toBe(true);
          }
        },
      ),
    );
  });
});
