import { randomBytes } from 'node:crypto';

/**
 * Where a backup's objects live under the destination prefix:
 *   <backup-id>/archive.mongodump[.gz|.zst][.age]   the data, in mongodump's archive format
 *   <backup-id>/manifest.json                        written last: without it the backup does not exist
 *   <backup-id>/verification.<mode>[.partial].json   written by a passing verification (see verification.ts)
 * Backup ids sort by time: `2026-11-25T030000Z-1a2b3c`.
 */
export const MANIFEST_NAME = 'manifest.json';

/**
 * A backup written in parts (see parts.ts) also holds, before its manifest:
 *   <backup-id>/plan.json                               what each part reads, written first
 *   <backup-id>/part-001.mongodump[.gz|.zst][.age]     each part's self-contained archive
 *   <backup-id>/part-001.json                           each part's record, written after its archive
 */
export const PLAN_NAME = 'plan.json';

/** A GitHub Actions matrix runs at most 256 jobs. */
export const MAX_PARTS = 256;

function partStem(part: number): string {
  return `part-${String(part).padStart(3, '0')}`;
}

export function partArchiveName(part: number, compression: Compression, encrypted: boolean): string {
  return `${partStem(part)}${archiveName(compression, encrypted).slice('archive'.length)}`;
}

export function partRecordName(part: number): string {
  return `${partStem(part)}.json`;
}

export type Compression = 'zstd' | 'gzip' | 'none';

const BACKUP_ID = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{6}$/;

export function newBackupId(at: Date, random: () => Buffer = () => randomBytes(2)): string {
  const iso = at.toISOString(); // 2026-11-25T03:00:00.000Z
  // The suffix starts with the milliseconds (3 hex digits, 000–3e7), then 3 random ones: of two
  // backups started in the same second, the later one sorts after, so "newest" never depends on chance.
  const millis = at.getUTCMilliseconds().toString(16).padStart(3, '0');
  const suffix = `${millis}${random().toString('hex').slice(0, 3)}`;
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z-${suffix}`;
}

export function isBackupId(text: string): boolean {
  return BACKUP_ID.test(text);
}

/** The time a backup id names. */
export function backupIdTime(id: string): Date {
  const m = BACKUP_ID.exec(id);
  if (!m) throw new Error(`'${id}' is not a backup id (expected e.g. 2026-11-25T030000Z-1a2b3c)`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export function archiveName(compression: Compression, encrypted: boolean): string {
  const ext = { zstd: '.zst', gzip: '.gz', none: '' }[compression];
  return `archive.mongodump${ext}${encrypted ? '.age' : ''}`;
}

export function backupKeys(id: string, archive: string) {
  return {
    archive: `${id}/${archive}`,
    manifest: `${id}/${MANIFEST_NAME}`,
  };
}
