import { type PeriodRule, periodLabel } from './periods';
import { activeRules, type RetentionPolicy, type RetentionRule } from './policy';

export interface BackupRecord {
  readonly id: string;
  readonly time: Date;
  /** Only backups whose manifest was written count; the others are data without a commit marker. */
  readonly complete: boolean;
  readonly verified?: boolean;
  readonly pinned?: boolean;
  /** Why the backup is damaged, when it is: it never counts and the rules never remove it. */
  readonly damaged?: string;
  /**
   * Its data collapsed compared with the backup before it, and nobody acknowledged it yet: the newest
   * backup from before it is kept, whatever the rules, since it may be the last that holds the data.
   */
  readonly openAnomaly?: boolean;
}

export interface KeptBackup {
  id: string;
  time: Date;
  /** Why it stays, e.g. "daily 2026-11-24", "newest complete", "pinned". Never empty. */
  reasons: string[];
}

export interface RemovedBackup {
  id: string;
  time: Date;
}

export interface RetentionPlan {
  /** Complete backups to keep, newest first. */
  keep: KeptBackup[];
  /** Complete backups no rule keeps, newest first. */
  remove: RemovedBackup[];
  /** Backups without a manifest: never counted here; see `planSweep`. */
  incomplete: RemovedBackup[];
  /** Damaged backups, newest first: an alarm, not debris — never counted, never removed by the rules. */
  damaged: (RemovedBackup & { reason: string })[];
}

/** Oldest first; ties broken by id so no plan depends on input order. Unreadable times sort first. */
function oldestFirst(a: SweepCandidate, b: SweepCandidate): number {
  const timeA = timeKey(a);
  const timeB = timeKey(b);
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function newestFirst(a: SweepCandidate, b: SweepCandidate): number {
  return oldestFirst(b, a);
}

function timeKey(backup: SweepCandidate): number {
  const time = backup.time.getTime();
  return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
}

function hasValidTime(backup: BackupRecord): boolean {
  return Number.isFinite(backup.time.getTime());
}

function assertUniqueIds(backups: readonly BackupRecord[]): void {
  const seen = new Set<string>();
  for (const { id } of backups) {
    if (seen.has(id)) throw new Error(`planRetention: backup id "${id}" appears twice`);
    seen.add(id);
  }
}

/**
 * restic-style retention over complete backups. For each count rule, walk the backups newest first
 * and keep the newest backup of each of the last n periods that hold one (`last` treats every backup
 * as its own period). A rule that runs out of backups before reaching n also keeps the oldest backup,
 * so a young history is never thinned from its far end. Rules are OR-ed.
 *
 * Whatever the rules say — and whoever calls (CLI, action, workflow) — the newest complete backup and
 * the newest verified backup are kept: the good copy is never lost to a keep rule. So is the newest
 * backup from before each unacknowledged anomaly (the last one that may hold what vanished). So are pinned
 * backups, backups dated after `now` (a clock we cannot trust) and backups without a readable time.
 * Damaged backups are listed apart and never removed here.
 */
export function planRetention(
  backups: readonly BackupRecord[],
  policy: RetentionPolicy,
  now: Date,
): RetentionPlan {
  assertUniqueIds(backups);
  const complete = backups.filter((backup) => backup.complete && !backup.damaged).sort(newestFirst);
  const incomplete = backups
    .filter((backup) => !backup.complete && !backup.damaged)
    .sort(newestFirst)
    .map(({ id, time }) => ({ id, time }));
  const damaged = backups
    .filter((backup) => backup.damaged)
    .sort(newestFirst)
    .map(({ id, time, damaged: reason }) => ({ id, time, reason: reason as string }));

  const reasons = new Map<string, string[]>(complete.map((backup) => [backup.id, []]));
  const keepFor = (backup: BackupRecord, reason: string) => reasons.get(backup.id)?.push(reason);

  const rules = activeRules(policy);
  if (rules.length === 0) {
    for (const backup of complete) keepFor(backup, 'no retention rules');
  }

  const dated = complete.filter(hasValidTime);
  for (const [rule, count] of rules) applyRule(rule, count, dated, keepFor);

  const newestComplete = dated[0];
  if (newestComplete) keepFor(newestComplete, 'newest complete');
  const newestVerified = dated.find((backup) => backup.verified);
  if (newestVerified) keepFor(newestVerified, 'newest verified');
  for (const [index, backup] of dated.entries()) {
    const before = dated[index + 1];
    if (backup.openAnomaly && before) keepFor(before, `before the anomaly in ${backup.id}`);
  }
  for (const backup of complete) {
    if (backup.pinned) keepFor(backup, 'pinned');
    if (!hasValidTime(backup)) keepFor(backup, 'time unknown');
    else if (backup.time.getTime() > now.getTime()) keepFor(backup, 'dated after now');
  }

  const plan: RetentionPlan = { keep: [], remove: [], incomplete, damaged };
  for (const { id, time } of complete) {
    const why = reasons.get(id) ?? [];
    if (why.length > 0) plan.keep.push({ id, time, reasons: why });
    else plan.remove.push({ id, time });
  }
  return plan;
}

function applyRule(
  rule: RetentionRule,
  count: number,
  newestFirstBackups: readonly BackupRecord[],
  keepFor: (backup: BackupRecord, reason: string) => void,
): void {
  let remaining = count;
  let previousPeriod: string | undefined;
  const keptByRule = new Set<string>();
  for (const backup of newestFirstBackups) {
    if (remaining <= 0) break;
    const period = rule === 'last' ? undefined : periodLabel(rule as PeriodRule, backup.time);
    if (rule !== 'last' && period === previousPeriod) continue;
    previousPeriod = period;
    keepFor(backup, rule === 'last' ? `last ${count - remaining + 1}` : `${rule} ${period}`);
    keptByRule.add(backup.id);
    remaining -= 1;
  }
  const oldest = newestFirstBackups.at(-1);
  if (remaining > 0 && oldest && !keptByRule.has(oldest.id)) {
    keepFor(oldest, `oldest (${rule} rule not filled)`);
  }
}

export interface SweepCandidate {
  readonly id: string;
  readonly time: Date;
}

export interface SweepPlan {
  /** Old enough that no run can still be writing them; oldest first. */
  remove: { id: string; time: Date; ageMs: number }[];
  keep: { id: string; time: Date; reason: string }[];
}

/**
 * Which incomplete backups (data with no manifest) to delete: those older than `graceMs`, so a run
 * still uploading is left alone. Backups dated after `now` or with no readable time are kept.
 */
export function planSweep(incomplete: readonly SweepCandidate[], graceMs: number, now: Date): SweepPlan {
  if (!Number.isFinite(graceMs) || graceMs < 0) {
    throw new RangeError(`planSweep: graceMs must be a finite number ≥ 0, got ${graceMs}`);
  }
  const plan: SweepPlan = { remove: [], keep: [] };
  for (const { id, time } of [...incomplete].sort(oldestFirst)) {
    const ageMs = now.getTime() - time.getTime();
    if (!Number.isFinite(ageMs)) plan.keep.push({ id, time, reason: 'time unknown' });
    else if (ageMs < 0) plan.keep.push({ id, time, reason: 'dated after now' });
    else if (ageMs < graceMs)
      plan.keep.push({ id, time, reason: 'younger than the grace period; may still be uploading' });
    else plan.remove.push({ id, time, ageMs });
  }
  return plan;
}
