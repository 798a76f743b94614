import { isBackupId, listBackups, MANIFEST_NAME, type Manifest, resolveBackup } from '@shipkit/backup';
import { OptionError, ref, say, UserError } from '@shipkit/runtime';
import type { Storage } from '@shipkit/storage';
import { checkLocation } from './options';

/** Where the archive to verify or restore is, and what its manifest (if any) promises. */
export interface BackupSource {
  /** Storage at the folder holding the backup folders (or, for a bare archive, the archive's folder). */
  storage: Storage;
  /** Key of the archive object in `storage`. */
  archiveKey: string;
  /** Set for backups made by this tool; a bare archive (e.g. stock `mongodump --archive`) has none. */
  backupId?: string;
  manifest?: Manifest;
  /** SHA-256 of manifest.json as the catalogue read it: a verification record names it. */
  manifestSha256?: string;
  /** Why the catalogue finds this backup damaged (a backup named by id); empty or absent when sound. */
  damage?: string[];
  /** Damaged backups newer than the one `latest` chose, which it passed over. */
  passedOver?: { id: string; damage: string[] }[];
  /** The archive's URL, safe to show. */
  url: string;
}

export interface LocateRequest {
  /** The prefix backups are stored under (`s3://bucket/prefix`, `file:///path`). */
  source?: string;
  /**
   * `latest`, `latest-verified`, a backup id (under `source`), or a URL: of a backup folder
   * (`…/<backup-id>`), of its manifest, or of a bare archive file.
   */
  backup: string;
}

/** Opens a storage URL; injected so callers pass their S3 options and tests their own storage. */
export type OpenStorage = (url: string) => Storage;

/**
 * Finds the archive a request names. A backup without a manifest does not exist: naming one is an
 * error that says so. A URL that is neither a backup folder nor an object is checked for backups
 * below it, to suggest `latest`.
 */
export async function locateBackup(request: LocateRequest, open: OpenStorage): Promise<BackupSource> {
  const backup = request.backup.trim();
  if (backup.includes('://')) return locateUrl(backup, open);
  const { source } = checkLocation(request);
  return locateInPrefix(open(source as string), backup);
}

/** Asks the catalogue which backup `ref` is and what state it is in; never reads a manifest itself. */
async function locateInPrefix(storage: Storage, ref: string): Promise<BackupSource> {
  const { entry, passedOver } = await resolveBackup(storage, ref);
  const { manifest, manifestSha256 } = entry;
  if (!manifest || !manifestSha256) {
    throw new UserError(
      `Backup ${entry.id} at ${storage.describe('')} is damaged and cannot be read: ${entry.damage.join('; ')}.`,
    );
  }
  // A backup in parts is read part after part (see stored-parts.ts): its folder names it.
  const archiveKey = `${entry.id}/${manifest.archive?.key ?? ''}`;
  return {
    storage,
    archiveKey,
    backupId: entry.id,
    manifest,
    manifestSha256,
    ...(entry.damage.length > 0 ? { damage: entry.damage } : {}),
    ...(passedOver.length > 0 ? { passedOver: passedOver.map((e) => ({ id: e.id, damage: e.damage })) } : {}),
    url: storage.describe(archiveKey),
  };
}

async function locateUrl(url: string, open: OpenStorage): Promise<BackupSource> {
  let { parent, name } = splitUrl(url);
  if (name === MANIFEST_NAME && parent) ({ parent, name } = splitUrl(parent));
  if (parent !== undefined && isBackupId(name)) return locateInPrefix(open(parent), name);
  if (parent !== undefined && name !== '') {
    const storage = open(parent);
    if (await storage.head(name)) return { storage, archiveKey: name, url: storage.describe(name) };
  }
  const asPrefix = open(url);
  const backups = await listBackups(asPrefix);
  if (backups.some((b) => b.state !== 'incomplete')) {
    throw OptionError.saying(
      say`${asPrefix.describe()} holds backups, not one archive: ask for the newest (${ref('latest')}), or name one by its id.`,
    );
  }
  throw new UserError(
    `Nothing to read at ${asPrefix.describe()}: it is neither a backup folder (…/<backup-id>), nor an ` +
      'archive file, nor a prefix holding backups.',
  );
}

/** `s3://b/p/x` → `s3://b/p` and `x`; no parent when the URL is a bucket or a root. */
function splitUrl(url: string): { parent: string | undefined; name: string } {
  const trimmed = url.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const parent = trimmed.slice(0, slash);
  const name = trimmed.slice(slash + 1);
  return { parent: /:\/\/?$/.test(parent) || parent === '' ? undefined : parent, name };
}
