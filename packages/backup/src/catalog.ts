import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { UserError } from '@shipkit/runtime';
import { ObjectNotFoundError, type Storage } from '@shipkit/storage';
import { ANOMALY_ACK_NAME, type Anomaly, judgeAck } from './anomaly';
import { backupIdTime, isBackupId, MANIFEST_NAME } from './layout';
import { type Manifest, parseManifest, storedArchives } from './manifest';
import {
  isVerificationName,
  judgeRecord,
  type VerificationSummary,
  verificationStrength,
} from './verification';

/**
 * What a backup folder is, as proven by reading it (never presumed from which files exist):
 * - `verified`: complete, and a verification record proves every namespace passed against this archive;
 * - `complete`: the manifest parses, validates, names this folder, and its archive is there at its size;
 * - `damaged`: it has a manifest, but the manifest or a verification record fails those checks — an
 *   alarm: never counted as a backup, never chosen by `latest`, never deleted unless asked;
 * - `incomplete`: no manifest — a run that failed or is still running; swept after a grace period.
 */
export type BackupState = 'verified' | 'complete' | 'damaged' | 'incomplete';

/** One backup folder under a destination prefix, as the catalogue judged it. */
export interface CatalogEntry {
  id: string;
  time: Date;
  state: BackupState;
  /** `complete` or `verified`: a backup that counts. */
  complete: boolean;
  verified: boolean;
  /** Why the backup is damaged; empty unless it is. */
  damage: string[];
  /** The manifest, when it parsed and validated (a damaged backup may still have one). */
  manifest?: Manifest;
  /** SHA-256 of manifest.json as read: verification records name it. */
  manifestSha256?: string;
  /** The strongest passing verification that covers the whole backup (then newest). */
  verification?: VerificationSummary;
  /** Every sound verification record in the folder, counted or not. */
  verifications: VerificationSummary[];
  /** The collapse of the data since the previous backup that the manifest records, if any. */
  anomaly?: Anomaly;
  /** When the anomaly was acknowledged: accepted with the backup, or by `ack-anomaly` later. */
  anomalyAcknowledgedAt?: string;
  /** An anomaly nobody acknowledged yet: retention keeps the newest backup from before it. */
  openAnomaly: boolean;
  /** Every object key of the backup's folder, with its size. */
  objects: { key: string; size: number; lastModified?: Date }[];
  /** Bytes stored in the folder. */
  bytes: number;
}

export interface CatalogOptions {
  /** Manifests and records read at once. Default 8. */
  concurrency?: number;
}

/** No manifest of ours comes near this; a bigger object is not read into memory. */
const MAX_MANIFEST_BYTES = 64 * 2 ** 20;
const MAX_RECORD_BYTES = 16 * 2 ** 20;

/** Lists the backup folders (newest first) and judges each: one LIST, then a GET per manifest and record. */
export async function listBackups(storage: Storage, options: CatalogOptions = {}): Promise<CatalogEntry[]> {
  const folders = await listFolders(storage, '');
  const entries = await mapBounded([...folders.values()], options.concurrency ?? 8, (folder) =>
    judgeFolder(storage, folder),
  );
  return entries.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/** One backup folder, judged; undefined when the folder holds nothing. */
export async function findBackup(storage: Storage, id: string): Promise<CatalogEntry | undefined> {
  const folder = (await listFolders(storage, `${id}/`)).get(id);
  return folder ? judgeFolder(storage, folder) : undefined;
}

/** What a backup reference resolved to, and the damaged backups `latest` passed over to reach it. */
export interface ResolvedBackup {
  entry: CatalogEntry;
  passedOver: CatalogEntry[];
}

/**
 * `latest` (the newest complete or verified backup), `latest-verified`, or a backup id. `latest` never
 * picks a damaged backup; the damaged ones newer than its choice are returned so callers can say so.
 * A backup named by id is returned even when damaged (its `damage` says why), so it can be examined.
 */
export async function resolveBackup(storage: Storage, ref: string): Promise<ResolvedBackup> {
  if (ref === 'latest' || ref === 'latest-verified') {
    const entries = await listBackups(storage);
    const index = entries.findIndex((e) => (ref === 'latest' ? e.complete : e.verified));
    const entry = entries[index];
    if (!entry) {
      throw new UserError(
        `No ${ref === 'latest' ? 'complete' : 'verified'} backup found at ${storage.describe('')}` +
          (entries.length > 0 ? ` (${describeStates(entries)}; \`shipkit list\` shows why).` : '.'),
      );
    }
    return { entry, passedOver: entries.slice(0, index).filter((e) => e.state === 'damaged') };
  }
  if (!isBackupId(ref)) {
    throw new UserError(`'${ref}' is not a backup id (e.g. 2026-11-25T030000Z-1a2b3c) nor 'latest'.`);
  }
  const entry = await findBackup(storage, ref);
  if (!entry) throw new UserError(`Backup ${ref} does not exist at ${storage.describe('')}.`);
  if (entry.state === 'incomplete') {
    throw new UserError(
      `Backup ${ref} has no manifest at ${storage.describe(`${ref}/${MANIFEST_NAME}`)}: it is incomplete ` +
        '(the run that wrote it failed or is still running) and cannot be restored or verified.',
    );
  }
  return { entry, passedOver: [] };
}

/** Reads and validates a manifest by itself, with no judgement of its folder. */
export async function readManifest(storage: Storage, id: string): Promise<Manifest> {
  const key = `${id}/${MANIFEST_NAME}`;
  return parseManifest(await text(await storage.get(key)), storage.describe(key));
}

/** "2 damaged, 1 incomplete" */
function describeStates(entries: CatalogEntry[]): string {
  const counts = new Map<BackupState, number>();
  for (const entry of entries) counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}

interface Folder {
  id: string;
  objects: CatalogEntry['objects'];
}

async function listFolders(storage: Storage, prefix: string): Promise<Map<string, Folder>> {
  const folders = new Map<string, Folder>();
  for await (const object of storage.list(prefix)) {
    const slash = object.key.indexOf('/');
    if (slash < 0) continue;
    const id = object.key.slice(0, slash);
    if (!isBackupId(id)) continue;
    let folder = folders.get(id);
    if (!folder) {
      folder = { id, objects: [] };
      folders.set(id, folder);
    }
    folder.objects.push({
      key: object.key,
      size: object.size,
      ...(object.lastModified ? { lastModified: object.lastModified } : {}),
    });
  }
  return folders;
}

/** Reads what the folder holds and decides its state. This is the only place states are decided. */
async function judgeFolder(storage: Storage, folder: Folder): Promise<CatalogEntry> {
  const { id, objects } = folder;
  const entry: CatalogEntry = {
    id,
    time: backupIdTime(id),
    state: 'incomplete',
    complete: false,
    verified: false,
    damage: [],
    verifications: [],
    openAnomaly: false,
    objects,
    bytes: objects.reduce((sum, o) => sum + o.size, 0),
  };
  const byName = new Map(objects.map((o) => [o.key.slice(id.length + 1), o]));
  const manifestObject = byName.get(MANIFEST_NAME);
  if (!manifestObject) return entry;

  const manifestText = await readSmall(storage, manifestObject.key, manifestObject.size, MAX_MANIFEST_BYTES);
  // Deleted since the listing (prune removes the manifest first): the folder is on its way out.
  if (manifestText === undefined) return entry;
  const damage = entry.damage;
  if (manifestText instanceof Error) damage.push(manifestText.message);
  else {
    try {
      entry.manifest = parseManifest(manifestText, MANIFEST_NAME);
      entry.manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
    } catch (error) {
      damage.push((error as Error).message);
    }
  }
  const manifest = entry.manifest;
  if (manifest) {
    if (manifest.backupId !== id) {
      damage.push(`manifest.json names backup ${manifest.backupId}, not its folder ${id}`);
    }
    for (const expected of storedArchives(manifest)) {
      const what = expected.part === undefined ? 'the archive' : `part ${expected.part}'s archive`;
      const archive = byName.get(expected.key);
      if (!archive) damage.push(`${what} ${expected.key} named by manifest.json is missing`);
      else if (archive.size !== expected.size) {
        damage.push(`${what} ${expected.key} is ${archive.size} bytes, manifest.json says ${expected.size}`);
      }
    }
    for (const part of manifest.parts?.archives ?? []) {
      damage.push(...(await judgePartRecord(storage, byName.get(part.record), part)));
    }
    const records = [...byName].filter(([name]) => isVerificationName(name));
    for (const [name, object] of records) {
      const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
      if (recordText === undefined) continue;
      if (recordText instanceof Error) {
        damage.push(recordText.message);
        continue;
      }
      const verdict = judgeRecord(name, recordText, id, manifest, entry.manifestSha256 as string);
      if ('damage' in verdict) damage.push(verdict.damage);
      else entry.verifications.push(verdict.summary);
    }
  }
  if (manifest?.anomaly) {
    entry.anomaly = manifest.anomaly;
    const acknowledged =
      manifest.anomaly.acceptedAt ?? (await readAck(storage, entry, byName.get(ANOMALY_ACK_NAME)));
    if (acknowledged) entry.anomalyAcknowledgedAt = acknowledged;
    entry.openAnomaly = !acknowledged;
  }
  if (damage.length > 0) {
    entry.state = 'damaged';
    return entry;
  }
  const best = strongest(entry.verifications);
  if (best) entry.verification = best;
  entry.state = best ? 'verified' : 'complete';
  entry.complete = true;
  entry.verified = entry.state === 'verified';
  return entry;
}

/** A part record must still be the one finalize checked: its SHA-256 is in the manifest. */
async function judgePartRecord(
  storage: Storage,
  object: CatalogEntry['objects'][number] | undefined,
  part: NonNullable<Manifest['parts']>['archives'][number],
): Promise<string[]> {
  const missing = `part ${part.part}'s record ${part.record} named by manifest.json is missing`;
  if (!object) return [missing];
  const recordText = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
  if (recordText === undefined) return [missing];
  if (recordText instanceof Error) return [recordText.message];
  if (createHash('sha256').update(recordText).digest('hex') !== part.recordSha256) {
    return [`part ${part.part}'s record ${part.record} changed after manifest.json was written`];
  }
  return [];
}

/** The time of a sound acknowledgement in the folder; a record that is not sound is damage. */
async function readAck(
  storage: Storage,
  entry: CatalogEntry,
  object: CatalogEntry['objects'][number] | undefined,
): Promise<string | undefined> {
  if (!object || !entry.manifestSha256) return undefined;
  const text = await readSmall(storage, object.key, object.size, MAX_RECORD_BYTES);
  if (text === undefined) return undefined;
  if (text instanceof Error) {
    entry.damage.push(text.message);
    return undefined;
  }
  const verdict = judgeAck(text, entry.id, entry.manifestSha256);
  if ('damage' in verdict) {
    entry.damage.push(verdict.damage);
    return undefined;
  }
  return verdict.acknowledgedAt;
}

function strongest(summaries: VerificationSummary[]): VerificationSummary | undefined {
  let best: VerificationSummary | undefined;
  for (const summary of summaries) {
    if (!summary.counts) continue;
    const stronger = best ? verificationStrength(summary.mode) - verificationStrength(best.mode) : 1;
    if (stronger > 0 || (stronger === 0 && best && summary.verifiedAt > best.verifiedAt)) best = summary;
  }
  return best;
}

/** The object's text; undefined when it vanished since the listing; an Error (as damage) when too big. */
async function readSmall(
  storage: Storage,
  key: string,
  size: number,
  limit: number,
): Promise<string | Error | undefined> {
  const name = key.slice(key.indexOf('/') + 1);
  if (size > limit) return new Error(`${name} is ${size} bytes, far more than such a file ever holds`);
  try {
    return await text(await storage.get(key));
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of `items`. */
async function mapBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
