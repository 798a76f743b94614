import { afterEach, describe, expect, test } from '@jest/globals';
import {
  type BackupRecord,
  isoWeek,
  periodLabel,
  planRetention,
  planSweep,
  type RetentionPolicy,
} from '../src/index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function backup(iso: string, extra: Partial<BackupRecord> = {}): BackupRecord {
  return { id: iso, time: new Date(iso), complete: true, ...extra };
}

/** One complete backup every `stepMs` from `startIso` (inclusive) to `endIso` (exclusive), named by time. */
function history(startIso: string, endIso: string, stepMs: number): BackupRecord[] {
  const backups: BackupRecord[] = [];
  for (let t = Date.parse(startIso); t < Date.parse(endIso); t += stepMs) {
    backups.push(backup(new Date(t).toISOString()));
  }
  return backups;
}

const NOW = new Date('2030-01-01T00:00:00Z');

function keptIds(backups: BackupRecord[], policy: RetentionPolicy, now = NOW): string[] {
  return planRetention(backups, policy, now)
    .keep.map((kept) => kept.id)
    .sort();
}

function reasonsOf(backups: BackupRecord[], policy: RetentionPolicy, id: string): string[] | undefined {
  return planRetention(backups, policy, NOW).keep.find((kept) => kept.id === id)?.reasons;
}

describe('calendar periods (UTC)', () => {
  test.each([
    ['2026-11-29T23:59:59Z', 2026, 48], // Sunday ends ISO week 48
    ['2026-11-30T00:00:00Z', 2026, 49], // Monday starts week 49
    ['2024-12-30T12:00:00Z', 2025, 1], // a Monday in December that belongs to the next ISO year
    ['2027-01-01T00:00:00Z', 2026, 53], // a Friday in January that belongs to the previous ISO year
    ['2021-01-03T10:00:00Z', 2020, 53],
    ['2026-01-01T00:00:00Z', 2026, 1],
  ])('%s is in ISO week %i-W%i', (iso, year, week) => {
    expect(isoWeek(new Date(iso))).toEqual({ year, week });
  });

  test('labels name each kind of period', () => {
    const time = new Date('2026-03-07T05:06:07Z');
    expect(periodLabel('hourly', time)).toBe('2026-03-07T05Z');
    expect(periodLabel('daily', time)).toBe('2026-03-07');
    expect(periodLabel('weekly', time)).toBe('2026-W10');
    expect(periodLabel('monthly', time)).toBe('2026-03');
    expect(periodLabel('yearly', time)).toBe('2026');
  });
});

describe('planRetention over synthetic histories', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  test('an empty policy keeps everything', () => {
    const backups = history('2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z', DAY);
    const plan = planRetention(backups, {}, NOW);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(4);
    expect(plan.keep[0]?.reasons).toEqual(['no retention rules', 'newest complete']);
    expect(plan.keep[3]?.reasons).toEqual(['no retention rules']);
  });

  test('last=3 keeps the three newest and lists keep and remove newest first', () => {
    const backups = history('2026-01-01T00:00:00Z', '2026-01-06T00:00:00Z', DAY);
    const plan = planRetention(backups, { last: 3 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-01-05T00:00:00.000Z', ['last 1', 'newest complete']],
      ['2026-01-04T00:00:00.000Z', ['last 2']],
      ['2026-01-03T00:00:00.000Z', ['last 3']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
  });

  test('hourly backups for 3 days: newest of each of the last 6 hours plus the newest of each of 3 days', () => {
    const backups = history('2026-06-01T00:00:00Z', '2026-06-04T00:00:00Z', 20 * 60_000);
    expect(backups).toHaveLength(216);
    expect(keptIds(backups, { hourly: 6, daily: 3 })).toEqual([
      '2026-06-01T23:40:00.000Z',
      '2026-06-02T23:40:00.000Z',
      '2026-06-03T18:40:00.000Z',
      '2026-06-03T19:40:00.000Z',
      '2026-06-03T20:40:00.000Z',
      '2026-06-03T21:40:00.000Z',
      '2026-06-03T22:40:00.000Z',
      '2026-06-03T23:40:00.000Z',
    ]);
    expect(reasonsOf(backups, { hourly: 6, daily: 3 }, '2026-06-03T23:40:00.000Z')).toEqual([
      'hourly 2026-06-03T23Z',
      'daily 2026-06-03',
      'newest complete',
    ]);
  });

  test('daily backups for 2 years under daily=7,weekly=4,monthly=12,yearly=5', () => {
    const backups = history('2025-01-01T03:00:00Z', '2027-01-01T03:00:00Z', DAY);
    expect(backups).toHaveLength(730);
    const at = (day: string) => `${day}T03:00:00.000Z`;
    const lastDays2026 = [
      '01-31',
      '02-28',
      '03-31',
      '04-30',
      '05-31',
      '06-30',
      '07-31',
      '08-31',
      '09-30',
      '10-31',
      '11-30',
    ];
    const expected = [
      ...['25', '26', '27', '28', '29', '30', '31'].map((day) => at(`2026-12-${day}`)), // daily
      at('2026-12-13'), // weekly 2026-W50 (Sunday)
      at('2026-12-20'), // weekly 2026-W51 (W52 and W53 are covered by the daily ones)
      ...lastDays2026.map((day) => at(`2026-${day}`)), // monthly
      at('2025-12-31'), // yearly 2025
      at('2025-01-01'), // yearly asks for 5 years but there are 2: the oldest backup is kept too
    ].sort();
    const policy = { daily: 7, weekly: 4, monthly: 12, yearly: 5 };
    expect(keptIds(backups, policy)).toEqual(expected);
    expect(reasonsOf(backups, policy, at('2026-12-27'))).toEqual(['daily 2026-12-27', 'weekly 2026-W52']);
    expect(reasonsOf(backups, policy, at('2025-01-01'))).toEqual(['oldest (yearly rule not filled)']);
    expect(reasonsOf(backups, policy, at('2026-12-31'))).toEqual([
      'daily 2026-12-31',
      'weekly 2026-W53',
      'monthly 2026-12',
      'yearly 2026',
      'newest complete',
    ]);
  });

  test('gaps: the last n periods that have a backup, reaching across the gap', () => {
    const backups = [
      ...history('2026-05-01T12:00:00Z', '2026-05-06T12:00:00Z', DAY),
      ...history('2026-05-20T12:00:00Z', '2026-05-23T12:00:00Z', DAY),
    ];
    expect(keptIds(backups, { daily: 5 })).toEqual([
      '2026-05-04T12:00:00.000Z',
      '2026-05-05T12:00:00.000Z',
      '2026-05-20T12:00:00.000Z',
      '2026-05-21T12:00:00.000Z',
      '2026-05-22T12:00:00.000Z',
    ]);
  });

  test('same-period duplicates: the newest of the day is kept, the rule is filled so nothing else', () => {
    const backups = [
      backup('2026-11-24T01:00:00Z'),
      backup('2026-11-24T23:00:00Z'),
      backup('2026-11-23T12:00:00Z'),
      backup('2026-11-23T13:00:00Z'),
    ];
    const plan = planRetention(backups, { daily: 2 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-24T23:00:00Z', ['daily 2026-11-24', 'newest complete']],
      ['2026-11-23T13:00:00Z', ['daily 2026-11-23']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual([
      '2026-11-24T01:00:00Z',
      '2026-11-23T12:00:00Z',
    ]);
  });

  test('a rule that cannot be filled also keeps the oldest backup', () => {
    const backups = [
      backup('2026-11-24T10:00:00Z'),
      backup('2026-11-24T09:00:00Z'),
      backup('2026-11-23T10:00:00Z'),
      backup('2026-11-23T09:00:00Z'),
    ];
    expect(reasonsOf(backups, { daily: 7 }, '2026-11-23T09:00:00Z')).toEqual([
      'oldest (daily rule not filled)',
    ]);
    expect(keptIds(backups, { daily: 7 })).not.toContain('2026-11-24T09:00:00Z');
  });

  test('week boundary: Sunday 23:59 and Monday 00:00 are different weeks', () => {
    const backups = [
      backup('2026-11-28T12:00:00Z'), // Saturday, week 48
      backup('2026-11-29T23:59:00Z'), // Sunday, week 48
      backup('2026-11-30T00:00:00Z'), // Monday, week 49
    ];
    const plan = planRetention(backups, { weekly: 2 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-30T00:00:00Z', ['weekly 2026-W49', 'newest complete']],
      ['2026-11-29T23:59:00Z', ['weekly 2026-W48']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual(['2026-11-28T12:00:00Z']);
  });

  test('year boundary: ISO weeks span the new year, calendar years do not', () => {
    const backups = [
      backup('2026-12-31T12:00:00Z'), // Thursday, 2026-W53, year 2026
      backup('2027-01-01T12:00:00Z'), // Friday, 2026-W53, year 2027
      backup('2027-01-04T12:00:00Z'), // Monday, 2027-W01
    ];
    expect(keptIds(backups, { weekly: 2 })).toEqual(['2027-01-01T12:00:00Z', '2027-01-04T12:00:00Z']);
    expect(keptIds(backups, { yearly: 2 })).toEqual(['2026-12-31T12:00:00Z', '2027-01-04T12:00:00Z']);
    expect(keptIds(backups, { monthly: 1 })).toEqual(['2027-01-04T12:00:00Z']);
  });

  test('daylight saving time does not matter: periods are UTC, whatever the time zone', () => {
    // Central Europe moves its clocks at 2026-03-29T01:00Z; the US on 2026-03-08T10:00Z.
    const backups = [
      ...history('2026-03-28T20:00:00Z', '2026-03-29T06:00:00Z', 30 * 60_000),
      ...history('2026-03-08T06:00:00Z', '2026-03-08T12:00:00Z', 30 * 60_000),
    ];
    const policy = { hourly: 6, daily: 4 };
    process.env.TZ = 'UTC';
    const inUtc = planRetention(backups, policy, NOW);
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      process.env.TZ = zone;
      expect(planRetention(backups, policy, NOW)).toEqual(inUtc);
    }
    expect(inUtc.keep.map((kept) => kept.id)).toContain('2026-03-29T00:30:00.000Z');
    expect(inUtc.keep.map((kept) => kept.id)).toContain('2026-03-29T01:30:00.000Z');
    expect(reasonsOf(backups, policy, '2026-03-08T11:30:00.000Z')).toEqual(['daily 2026-03-08']);
  });

  test('only complete backups count; incomplete ones are listed apart', () => {
    const backups = [
      backup('2026-11-25T03:00:00Z', { complete: false }),
      backup('2026-11-24T03:00:00Z'),
      backup('2026-11-23T03:00:00Z'),
    ];
    const plan = planRetention(backups, { last: 1 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-24T03:00:00Z', ['last 1', 'newest complete']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual(['2026-11-23T03:00:00Z']);
    expect(plan.incomplete).toEqual([{ id: '2026-11-25T03:00:00Z', time: new Date('2026-11-25T03:00:00Z') }]);
  });

  test('the newest verified backup is always kept, even when the rules would not keep it', () => {
    const backups = [
      backup('2026-11-25T03:00:00Z'),
      backup('2026-11-24T03:00:00Z', { verified: true }),
      backup('2026-11-23T03:00:00Z', { verified: true }),
    ];
    const plan = planRetention(backups, { last: 1 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-25T03:00:00Z', ['last 1', 'newest complete']],
      ['2026-11-24T03:00:00Z', ['newest verified']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual(['2026-11-23T03:00:00Z']);
  });

  test('an unacknowledged anomaly keeps the newest backup from before it, whatever the rules', () => {
    const backups = [
      backup('2026-11-26T03:00:00Z'),
      backup('2026-11-25T03:00:00Z', { openAnomaly: true }),
      backup('2026-11-24T03:00:00Z'),
      backup('2026-11-23T03:00:00Z'),
    ];
    const plan = planRetention(backups, { last: 1 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-26T03:00:00Z', ['last 1', 'newest complete']],
      ['2026-11-24T03:00:00Z', ['before the anomaly in 2026-11-25T03:00:00Z']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual([
      '2026-11-25T03:00:00Z',
      '2026-11-23T03:00:00Z',
    ]);
  });

  test('once acknowledged, an anomaly no longer keeps anything', () => {
    const backups = [backup('2026-11-25T03:00:00Z', { openAnomaly: false }), backup('2026-11-24T03:00:00Z')];
    expect(keptIds(backups, { last: 1 })).toEqual(['2026-11-25T03:00:00Z']);
  });

  test('keep-last 2 over two older verified and two newer unverified backups keeps the newest verified one', () => {
    const backups = [
      backup('2026-11-25T03:00:00Z'),
      backup('2026-11-24T03:00:00Z'),
      backup('2026-11-23T03:00:00Z', { verified: true }),
      backup('2026-11-22T03:00:00Z', { verified: true }),
    ];
    expect(keptIds(backups, { last: 2 })).toEqual([
      '2026-11-23T03:00:00Z',
      '2026-11-24T03:00:00Z',
      '2026-11-25T03:00:00Z',
    ]);
  });

  test('damaged backups are listed apart: never counted by a rule, never removed', () => {
    const backups = [
      backup('2026-11-25T03:00:00Z', { complete: false, damaged: 'manifest.json is not valid JSON' }),
      backup('2026-11-24T03:00:00Z'),
      backup('2026-11-23T03:00:00Z'),
    ];
    const plan = planRetention(backups, { last: 1 }, NOW);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-24T03:00:00Z', ['last 1', 'newest complete']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual(['2026-11-23T03:00:00Z']);
    expect(plan.damaged).toEqual([
      {
        id: '2026-11-25T03:00:00Z',
        time: new Date('2026-11-25T03:00:00Z'),
        reason: 'manifest.json is not valid JSON',
      },
    ]);
    expect(plan.incomplete).toEqual([]);
  });

  test('pinned backups are kept', () => {
    const backups = [backup('2026-11-25T03:00:00Z'), backup('2020-01-01T00:00:00Z', { pinned: true })];
    expect(reasonsOf(backups, { last: 1 }, '2020-01-01T00:00:00Z')).toEqual(['pinned']);
  });

  test('backups dated after now, or with no readable time, are kept', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const backups = [
      backup('2026-11-26T00:00:00Z'),
      backup('2026-11-24T00:00:00Z'),
      backup('2026-11-23T00:00:00Z'),
      { id: 'broken', time: new Date('not a date'), complete: true },
    ];
    const plan = planRetention(backups, { last: 1 }, now);
    expect(plan.keep.map((kept) => [kept.id, kept.reasons])).toEqual([
      ['2026-11-26T00:00:00Z', ['last 1', 'newest complete', 'dated after now']],
      ['broken', ['time unknown']],
    ]);
    expect(plan.remove.map((removed) => removed.id)).toEqual([
      '2026-11-24T00:00:00Z',
      '2026-11-23T00:00:00Z',
    ]);
  });

  test('all keeps the newest backup of every period', () => {
    const backups = history('2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', 6 * HOUR);
    expect(keptIds(backups, { daily: Number.POSITIVE_INFINITY })).toEqual([
      '2026-01-01T00:00:00.000Z', // the oldest, since "all" is never filled
      '2026-01-01T18:00:00.000Z',
      '2026-01-02T18:00:00.000Z',
    ]);
  });

  test('duplicate ids are a programming error', () => {
    const twice = [backup('2026-01-01T00:00:00Z'), backup('2026-01-01T00:00:00Z')];
    expect(() => planRetention(twice, {}, NOW)).toThrow(/appears twice/);
  });

  test('no backups, no plan', () => {
    expect(planRetention([], { daily: 7 }, NOW)).toEqual({
      keep: [],
      remove: [],
      incomplete: [],
      damaged: [],
    });
  });
});

describe('planSweep', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const grace = 6 * HOUR;

  test('removes incomplete backups older than the grace period, oldest first', () => {
    const plan = planSweep(
      [
        { id: 'fresh', time: new Date('2026-11-25T11:00:00Z') },
        { id: 'old', time: new Date('2026-11-24T03:00:00Z') },
        { id: 'edge', time: new Date('2026-11-25T06:00:00Z') },
        { id: 'older', time: new Date('2026-11-20T03:00:00Z') },
      ],
      grace,
      now,
    );
    expect(plan.remove.map((entry) => [entry.id, entry.ageMs])).toEqual([
      ['older', 5 * DAY + 9 * HOUR],
      ['old', DAY + 9 * HOUR],
      ['edge', grace],
    ]);
    expect(plan.keep).toEqual([
      {
        id: 'fresh',
        time: new Date('2026-11-25T11:00:00Z'),
        reason: 'younger than the grace period; may still be uploading',
      },
    ]);
  });

  test('keeps what it cannot date or what is dated after now', () => {
    const plan = planSweep(
      [
        { id: 'future', time: new Date('2026-11-26T00:00:00Z') },
        { id: 'unknown', time: new Date(Number.NaN) },
      ],
      0,
      now,
    );
    expect(plan.remove).toEqual([]);
    expect(plan.keep.map((entry) => [entry.id, entry.reason])).toEqual([
      ['unknown', 'time unknown'],
      ['future', 'dated after now'],
    ]);
  });

  test('rejects a negative grace period', () => {
    expect(() => planSweep([], -1, now)).toThrow(RangeError);
  });
});
