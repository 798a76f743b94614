import { text } from 'node:stream/consumers';
import { UserError } from '@shipkit/action-kit';
import type { Storage } from '@shipkit/storage';
import { backupIdTime, isBackupId, MANIFEST_NAME, VERIFICATION_NAME } from './layout';
import { type Manifest, parseManifest, type Verification, verificationSchema } from './manifest';

/** One backup folder under a destination prefix, as listing finds it. */
export interface CatalogEntry {
  id: string;
  time: Date;
  /** The manifest exists: the backup is committed. Without it, the folder is debris of a failed run. */
  complete: boolean;
  verified: boolean;
  /** Every object key of the backup's folder, with its size. */
  objects: { key: string; size: number; lastModified?: Date }[];
  /** Bytes stored in the folder. */
  bytes: number;
}

/** Lists backup folders (newest first) by grouping object keys on their backup-id folder. */
export async function listBackups(storage: Storage): Promise<CatalogEntry[]> {
  const byId = new Map<string, CatalogEntry>();
  for await (const object of storage.list('')) {
    const slash = object.key.indexOf('/');
    if (slash < 0) continue;
    const id = object.key.slice(0, slash);
    if (!isBackupId(id)) continue;
    let entry = byId.get(id);
    if (!entry) {
      entry = { id, time: backupIdTime(id), complete: false, verified: false, objects: [], bytes: 0 };
      byId.set(id, entry);
    }
    const name = object.key.slice(slash + 1);
    entry.objects.push({
      key: object.key,
      size: object.size,
      ...(object.lastModified ? { lastModified: object.lastModified } : {}),
    });
    entry.bytes += object.size;
    if (name === MANIFEST_NAME) entry.complete = true;
    if (name === VERIFICATION_NAME) entry.verified = true;
  }
  // A verification without a manifest proves nothing.
  for (const entry of byId.values()) entry.verified &&= entry.complete;
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
}

export async function readManifest(storage: Storage, id: string): Promise<Manifest> {
  const key = `${id}/${MANIFEST_NAME}`;
  const head = await storage.head(key);
  if (!head) {
    throw new UserError(
      `Backup ${id} has no manifest at ${storage.describe(key)}: it is incomplete (the run that wrote it ` +
        'failed or is still running) and cannot be restored or verified.',
    );
  }
  return parseManifest(await text(await storage.get(key)), storage.describe(key));
}

export async function readVerification(storage: Storage, id: string): Promise<Verification | undefined> {
  const key = `${id}/${VERIFICATION_NAME}`;
  if (!(await storage.head(key))) return undefined;
  const parsed = verificationSchema.safeParse(JSON.parse(await text(await storage.get(key))));
  return parsed.success ? parsed.data : undefined;
}

/** `latest` (the newest complete backup), `latest-verified`, or a backup id. */
export async function resolveBackup(storage: Storage, ref: string): Promise<CatalogEntry> {
  const entries = await listBackups(storage);
  if (ref === 'latest' || ref === 'latest-verified') {
    const found = entries.find((e) => e.complete && (ref === 'latest' || e.verified));
    if (!found) {
      throw new UserError(
        `No ${ref === 'latest' ? 'complete' : 'verified'} backup found at ${storage.describe('')}` +
          (entries.length > 0 ? ` (${entries.length} incomplete folder(s) ignored).` : '.'),
      );
    }
    return found;
  }
  if (!isBackupId(ref)) {
    throw new UserError(`'${ref}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c) nor 'latest'.`);
  }
  const found = entries.find((e) => e.id === ref);
  if (!found) throw new UserError(`Backup ${ref} does not exist at ${storage.describe('')}.`);
  if (!found.complete) {
    throw new UserError(`Backup ${ref} at ${storage.describe('')} has no manifest: it is incomplete.`);
  }
  return found;
}
