/**
 * The restore drill: which backups it restores, and what the restores say about the recovery targets.
 * Pure — the CLI's `drill` command lists the backups, runs each restore and hands the measurements here.
 *
 * RPO (how much data a disaster would lose): the age of the newest complete backup when the drill starts.
 * RTO (how long recovery takes): each restore's time from start to verified — fetch, decrypt, restore
 * into the drill server and compare with the manifest.
 */

import { isBackupId } from '@shipkit/backup';
import { formatDuration, InvalidValue, OptionError, UserError } from '@shipkit/runtime';

/** Which older backup to restore besides the newest: one at random among those retained, a given one, or none. */
export type OlderChoice = { kind: 'random' } | { kind: 'none' } | { kind: 'id'; id: string };

export interface DrillCandidate {
  id: string;
  time: Date;
  complete: boolean;
}

export interface PlannedRestore {
  /** `newest` measures the RPO; `older` proves a backup the nightly check did not just verify. */
  role: 'newest' | 'older';
  id: string;
  time: Date;
}

export interface DrillPlan {
  restores: PlannedRestore[];
  /** Why no older backup is restored, when none is. */
  note?: string;
}

/** Parses `--older`: random, none or a backup id. */
export function parseOlderChoice(value: string | undefined): OlderChoice {
  const text = (value ?? 'random').trim();
  if (text === '' || text === 'random') return { kind: 'random' };
  if (text === 'none') return { kind: 'none' };
  if (!isBackupId(text)) {
    throw new InvalidValue(
      `must be random, none or a backup id such as 2026-11-25T031700Z-1a2b3c; got '${text}'.`,
    );
  }
  return { kind: 'id', id: text };
}

/**
 * The newest complete backup, and one older complete backup as `older` says. `random` is in [0, 1).
 * Incomplete folders (no manifest) are not backups and are never chosen.
 */
export function planDrill(
  candidates: readonly DrillCandidate[],
  older: OlderChoice,
  random: () => number,
  location: string,
): DrillPlan {
  const complete = candidates.filter((c) => c.complete).sort((a, b) => (a.id < b.id ? 1 : -1));
  const [newest, ...rest] = complete;
  if (!newest) {
    throw new UserError(`No complete backup at ${location}: there is nothing to drill.`);
  }
  const restores: PlannedRestore[] = [{ role: 'newest', id: newest.id, time: newest.time }];
  if (older.kind === 'none') return { restores, note: 'no older backup was asked for' };
  if (older.kind === 'id') {
    if (older.id === newest.id) {
      throw new OptionError(
        'older',
        `names ${older.id}, the newest backup, which the drill restores anyway: name an older one.`,
      );
    }
    const chosen = rest.find((c) => c.id === older.id);
    if (!chosen) {
      throw new OptionError(
        'older',
        `names ${older.id}, which is not a complete backup at ${location}; complete backups: ${complete.map((c) => c.id).join(', ')}.`,
      );
    }
    return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
  }
  if (rest.length === 0)
    return { restores, note: 'only one complete backup is retained: no older one to restore' };
  const chosen = rest[Math.min(rest.length - 1, Math.floor(random() * rest.length))] as DrillCandidate;
  return { restores: [...restores, { role: 'older', id: chosen.id, time: chosen.time }] };
}

export interface MeasuredRestore extends PlannedRestore {
  /** Every namespace matched the manifest. */
  verified: boolean;
  durationMs: number;
  documents: number;
  namespaces: number;
  problems: string[];
}

export interface DrillTargets {
  /** Recovery time objective: the longest a restore may take. */
  rtoMs: number;
  /** Recovery point objective: the oldest the newest backup may be. */
  rpoMs: number;
}

/** One drill, as the JSON record kept per run (an artifact), so that drills can be compared over time. */
export interface DrillRecord {
  format: 'mongo-shipkit-restore-drill/1';
  startedAt: string;
  finishedAt: string;
  /** The backups' location, without credentials. */
  source: string;
  passed: boolean;
  targets: { rtoSeconds: number; rpoSeconds: number };
  rpo: { backupId: string; backupTime: string; ageSeconds: number; met: boolean };
  rto: { worstSeconds: number; met: boolean };
  restores: {
    role: 'newest' | 'older';
    backupId: string;
    backupTime: string;
    ageSeconds: number;
    verified: boolean;
    restoreSeconds: number;
    withinRto: boolean;
    documents: number;
    namespaces: number;
    problems: string[];
  }[];
  /** One sentence per missed target or failed restore; empty when the drill passed. */
  missed: string[];
  note?: string;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Judges a drill's restores against its targets. */
export function assessDrill(drill: {
  source: string;
  startedAt: Date;
  finishedAt: Date;
  targets: DrillTargets;
  restores: readonly MeasuredRestore[];
  note?: string;
}): DrillRecord {
  const { targets, startedAt } = drill;
  const newest = drill.restores.find((r) => r.role === 'newest');
  if (!newest) throw new Error('a drill always restores the newest backup');
  const missed: string[] = [];
  const ageMs = Math.max(0, startedAt.getTime() - newest.time.getTime());
  const rpoMet = ageMs <= targets.rpoMs;
  if (!rpoMet) {
    missed.push(
      `RPO missed: the newest backup ${newest.id} was ${formatDuration(ageMs)} old, over the ${formatDuration(targets.rpoMs)} target.`,
    );
  }
  const restores = drill.restores.map((r) => {
    const withinRto = r.verified && r.durationMs <= targets.rtoMs;
    if (!r.verified) {
      missed.push(
        `The ${r.role} backup ${r.id} did not restore correctly: ${r.problems.join('; ') || 'see its report'}.`,
      );
    } else if (!withinRto) {
      missed.push(
        `RTO missed: restoring the ${r.role} backup ${r.id} took ${formatDuration(r.durationMs)}, over the ${formatDuration(targets.rtoMs)} target.`,
      );
    }
    return {
      role: r.role,
      backupId: r.id,
      backupTime: r.time.toISOString(),
      ageSeconds: seconds(Math.max(0, startedAt.getTime() - r.time.getTime())),
      verified: r.verified,
      restoreSeconds: seconds(r.durationMs),
      withinRto,
      documents: r.documents,
      namespaces: r.namespaces,
      problems: r.problems,
    };
  });
  const rtoMet = restores.every((r) => r.withinRto);
  return {
    format: 'mongo-shipkit-restore-drill/1',
    startedAt: startedAt.toISOString(),
    finishedAt: drill.finishedAt.toISOString(),
    source: drill.source,
    passed: missed.length === 0,
    targets: { rtoSeconds: seconds(targets.rtoMs), rpoSeconds: seconds(targets.rpoMs) },
    rpo: {
      backupId: newest.id,
      backupTime: newest.time.toISOString(),
      ageSeconds: seconds(ageMs),
      met: rpoMet,
    },
    rto: { worstSeconds: Math.max(...restores.map((r) => r.restoreSeconds)), met: rtoMet },
    restores,
    missed,
    ...(drill.note ? { note: drill.note } : {}),
  };
}

const ms = (s: number) => s * 1000;
const mark = (met: boolean) => (met ? '✅' : '❌');

/** The drill as a job-summary table: one row per restore, then the two targets. */
/** What a notification says about a drill (`drillEvent` of `@shipkit/notify` turns it into the event). */
export function drillFacts(record: DrillRecord) {
  const ms = (seconds: number) => seconds * 1000;
  const restores = record.restores.length;
  return {
    passed: record.passed,
    source: record.source,
    ...(record.rpo.backupId ? { backupId: record.rpo.backupId } : {}),
    documents: record.restores.reduce((sum, r) => sum + r.documents, 0),
    durationMs: Date.parse(record.finishedAt) - Date.parse(record.startedAt),
    missed: record.missed,
    measured:
      `${restores} restore${restores === 1 ? '' : 's'}, slowest ${formatDuration(ms(record.rto.worstSeconds))} ` +
      `(RTO ${formatDuration(ms(record.targets.rtoSeconds))}); newest backup ${formatDuration(ms(record.rpo.ageSeconds))} old ` +
      `(RPO ${formatDuration(ms(record.targets.rpoSeconds))})`,
  };
}

export function drillMarkdown(record: DrillRecord): string {
  const lines = [
    `### ${record.passed ? '✅ Restore drill met its targets' : '❌ Restore drill missed its targets'}`,
    '',
    `Backups at \`${record.source}\`, drill started ${record.startedAt}.`,
    '',
    '| Backup | Role | Age | Restore time | Verified | Documents | Within RTO |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...record.restores.map(
      (r) =>
        `| \`${r.backupId}\` | ${r.role} | ${formatDuration(ms(r.ageSeconds))} | ${formatDuration(ms(r.restoreSeconds))} | ${mark(r.verified)} | ${r.documents} | ${mark(r.withinRto)} |`,
    ),
    '',
    '| Target | Goal | Measured | Met |',
    '| --- | --- | --- | --- |',
    `| RTO (restore time) | ≤ ${formatDuration(ms(record.targets.rtoSeconds))} | ${formatDuration(ms(record.rto.worstSeconds))} (slowest restore) | ${mark(record.rto.met)} |`,
    `| RPO (newest backup's age) | ≤ ${formatDuration(ms(record.targets.rpoSeconds))} | ${formatDuration(ms(record.rpo.ageSeconds))} | ${mark(record.rpo.met)} |`,
    '',
  ];
  if (record.note) lines.push(`Note: ${record.note}.`, '');
  if (record.missed.length > 0) lines.push(...record.missed.map((m) => `- ${m}`), '');
  return `${lines.join('\n')}\n`;
}
