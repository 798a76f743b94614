import { listBackups } from '@shipkit/backup';
import { formatDuration } from '@shipkit/runtime';
import type { Storage } from '@shipkit/storage';

export interface FreshnessOptions {
  /** The newest qualifying backup may be at most this old. */
  maxAgeMs: number;
  /** Only backups with a passing verification count. */
  requireVerified?: boolean;
}

export interface FreshnessResult {
  fresh: boolean;
  location: string;
  maxAgeMs: number;
  requireVerified: boolean;
  /** The newest backup that counts (complete, and verified when required). */
  newest?: { id: string; time: string; ageMs: number; verified: boolean };
  /** Backup folders seen, and how many of them count. */
  backups: number;
  qualifying: number;
  /** Damaged backups: never counted, each an alarm worth a look. */
  damaged: { id: string; damage: string[] }[];
  message: string;
}

/**
 * Whether the newest complete (and, if asked, verified) backup is recent enough: for deploy gates and
 * for a watchdog that notices when scheduled backups stopped. Which backups count is the catalogue's
 * call; damaged ones never do. Age is measured from the backup's id, which is the time it started.
 */
export async function checkFreshness(
  storage: Storage,
  options: FreshnessOptions,
  now: () => Date = () => new Date(),
): Promise<FreshnessResult> {
  const requireVerified = options.requireVerified ?? false;
  const entries = await listBackups(storage);
  const qualifying = entries.filter((e) => (requireVerified ? e.verified : e.complete));
  const damaged = entries.filter((e) => e.state === 'damaged');
  const kind = requireVerified ? 'verified backup' : 'complete backup';
  const base = {
    location: storage.describe(),
    maxAgeMs: options.maxAgeMs,
    requireVerified,
    backups: entries.length,
    qualifying: qualifying.length,
    damaged: damaged.map((e) => ({ id: e.id, damage: e.damage })),
  };
  const alarm =
    damaged.length === 0
      ? ''
      : ` ${damaged.length} damaged backup(s) not counted, newest ${damaged[0]?.id}: ${damaged[0]?.damage.join('; ')}.`;
  const newest = qualifying[0];
  if (!newest) {
    const count = (state: string) => entries.filter((e) => e.state === state).length;
    const seen =
      entries.length === 0
        ? 'no backups at all'
        : `${entries.length} backup folder(s), ${count('incomplete')} incomplete, ${count('damaged')} damaged` +
          (requireVerified ? `, ${count('complete')} complete but not verified` : '');
    return { ...base, fresh: false, message: `No ${kind} at ${base.location} (${seen}).${alarm}` };
  }
  const ageMs = now().getTime() - newest.time.getTime();
  const fresh = ageMs <= options.maxAgeMs;
  const age = formatDuration(Math.max(0, ageMs));
  return {
    ...base,
    fresh,
    newest: { id: newest.id, time: newest.time.toISOString(), ageMs, verified: newest.verified },
    message:
      (fresh
        ? `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old (allowed: ${formatDuration(options.maxAgeMs)}).`
        : `The newest ${kind} at ${base.location}, ${newest.id}, is ${age} old: older than the allowed ` +
          `${formatDuration(options.maxAgeMs)}. Check that scheduled backups still run (GitHub disables schedules after 60 days without activity).`) +
      alarm,
  };
}
