import {
  booleanRow,
  enumRow,
  integerRow,
  OptionError,
  PARALLELISM,
  ref,
  say,
  textRow,
  timeoutRow,
} from '@shipkit/runtime';
import type { LocateRequest } from './source';

/** A throwaway server a full verification restores into, under fresh database names. */
export const SCRATCH_URI = textRow({
  description:
    'For a full verification: a server to restore into, under fresh database names that are dropped afterwards. Secret: masked in every form.',
  default: '',
  secret: true,
  flag: 'scratch-uri',
  env: 'SCRATCH_MONGODB_URI',
  placeholder: '<uri>',
});

/** What a verification checks. */
export const VERIFY_MODE = enumRow(['integrity', 'full'] as const, {
  description:
    'integrity (no database: SHA-256, decryption, decompression, CRCs, counts and content hashes against the manifest) or full (also restore into {scratch-mongodb-uri} and compare counts, content hashes and indexes).',
  default: 'integrity',
});

/** Insert batches in flight while restoring, and namespaces read back at once. */
export const RESTORE_PARALLELISM = {
  ...PARALLELISM,
  description: 'Insert batches in flight at once while restoring; namespaces read back at once.',
};

/** Parts of a backup in parts read and restored at once. */
export const PARALLEL_PARTS = integerRow({
  description:
    "For a backup in parts: how many parts are read (and restored) at once, at most the backup's number of parts. Each adds its own download and decompression; a collection split over parts is still staged once, indexed once, and swapped in once after every part was proven.",
  default: '3',
  min: 1,
  max: 16,
});

/** The bound on a verification or a restore. */
export const RUN_TIMEOUT = timeoutRow('6h');

/**
 * Where the backup to read is, on the command line: a backup (…/<backup-id>), a prefix with
 * `--latest`, an archive file, or a bare backup id under BACKUP_DESTINATION.
 */
export const FROM_ROWS = {
  from: textRow({
    description:
      'The backup to read: its URL (…/<backup-id>), a prefix with {latest}, an archive file such as one from mongodump --archive, or a bare backup id (or latest) under BACKUP_DESTINATION.',
    required: true,
    env: 'BACKUP_DESTINATION',
    placeholder: '<url>',
  }),
  latest: booleanRow({
    description: 'Take the newest complete backup under the {from} prefix.',
    default: 'false',
  }),
};

/**
 * Where the backup to read is, in an action: a prefix and which backup under it (or a URL, which
 * needs no prefix).
 */
export const LOCATION_ROWS = {
  source: textRow({
    description:
      'Where backups are stored: s3://bucket/prefix or file:///absolute/path (the destination of mongo-backup). Not needed when {backup} is a URL.',
    default: '',
    placeholder: '<url>',
  }),
  backup: textRow({
    description:
      'Which backup: latest (the newest complete one; damaged backups are passed over with a warning), latest-verified (the newest with a verification of every namespace), a backup id such as 2026-11-25T030000Z-1a2b3c, or a URL of a backup folder or of a bare archive file (e.g. one written by mongodump --archive, plain, --gzip, zstd or age).',
    default: 'latest',
  }),
};

/**
 * `--from` and `--latest` as a request: a URL is read as it is (the newest backup under it with
 * `--latest`); anything else is a backup id (or `latest`) under the prefix the environment names.
 */
export function locationFrom(
  from: string,
  latest: boolean,
  env: Readonly<Record<string, string | undefined>>,
): LocateRequest {
  if (latest) return { source: from, backup: 'latest' };
  if (from.includes('://')) return { backup: from };
  const prefix = env.BACKUP_DESTINATION;
  if (!prefix || prefix === from) {
    throw new OptionError(
      'from',
      say`'${from}' is no URL, so it names a backup under a prefix: set BACKUP_DESTINATION to it (e.g. s3://bucket/backups), or give the backup's URL (or a prefix with ${ref('latest')}).`,
    );
  }
  return { source: prefix, backup: from };
}

/**
 * The request, refused at once when it names a backup by `latest` or id without the prefix to find it
 * in: an action checks it with its inputs, before it loads its engine.
 */
export function checkLocation(request: LocateRequest): LocateRequest {
  const backup = request.backup.trim();
  if (!backup.includes('://') && !request.source) {
    throw OptionError.saying(
      say`Backup '${backup}' needs the prefix it is stored under (${ref('source')}, e.g. s3://bucket/backups), or give the backup as a URL.`,
    );
  }
  return request;
}
