import type { Logger } from '@shipkit/action-kit';
import { planRetention, planSweep, type RetentionPolicy } from '@shipkit/retention';
import { RetainedByLockError, type Storage } from '@shipkit/storage';
import { type CatalogEntry, listBackups } from './catalog';
import { MANIFEST_NAME } from './layout';

export interface PruneOptions {
  policy: RetentionPolicy;
  now: Date;
  logger: Logger;
  dryRun?: boolean;
  /** Incomplete backups (no manifest) younger than this may still be running: leave them. Default 24 h. */
  incompleteGraceMs?: number;
}

export interface PruneResult {
  kept: { id: string; reasons: string[] }[];
  removed: string[];
  /** Backups the policy released but the store refused to delete (Object Lock). */
  retainedByLock: string[];
  /** Incomplete folders swept. */
  swept: string[];
  abortedUploads: number;
  dryRun: boolean;
}

/**
 * Applies a retention policy to complete backups, then sweeps incomplete ones past the grace period
 * and aborts orphaned multipart uploads. A backup is deleted manifest first, so an interrupted prune
 * leaves an incomplete folder (swept later), never a manifest pointing at missing data.
 */
export async function prune(storage: Storage, options: PruneOptions): Promise<PruneResult> {
  const { logger, now } = options;
  const dryRun = options.dryRun ?? false;
  const entries = await listBackups(storage);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const plan = planRetention(
    entries.map((e) => ({ id: e.id, time: e.time, complete: e.complete, verified: e.verified })),
    options.policy,
    now,
  );
  const result: PruneResult = {
    kept: plan.keep.map((k) => ({ id: k.id, reasons: [...k.reasons] })),
    removed: [],
    retainedByLock: [],
    swept: [],
    abortedUploads: 0,
    dryRun,
  };
  for (const { id } of plan.remove) {
    const entry = byId.get(id) as CatalogEntry;
    if (dryRun) {
      logger.info(`would remove ${id}`);
      result.removed.push(id);
      continue;
    }
    try {
      await deleteBackup(storage, entry);
      logger.info(`removed ${id}`);
      result.removed.push(id);
    } catch (error) {
      if (!(error instanceof RetainedByLockError)) throw error;
      logger.warn(`${id} is retained by an object lock; left in place`);
      result.retainedByLock.push(id);
    }
  }

  const grace = options.incompleteGraceMs ?? 24 * 3_600_000;
  const sweep = planSweep(
    entries.filter((e) => !e.complete).map((e) => ({ id: e.id, time: e.time })),
    grace,
    now,
  );
  for (const { id } of sweep.remove) {
    const entry = byId.get(id) as CatalogEntry;
    if (!dryRun) {
      try {
        await deleteBackup(storage, entry);
      } catch (error) {
        if (!(error instanceof RetainedByLockError)) throw error;
        result.retainedByLock.push(id);
        continue;
      }
    }
    logger.info(`${dryRun ? 'would sweep' : 'swept'} incomplete ${id}`);
    result.swept.push(id);
  }
  for await (const upload of storage.listIncompleteUploads()) {
    // An upload of unknown age may belong to a backup running right now: leave it.
    if (!upload.initiated || now.getTime() - upload.initiated.getTime() < grace) continue;
    if (!dryRun) await storage.abortUpload(upload);
    result.abortedUploads += 1;
  }
  return result;
}

async function deleteBackup(storage: Storage, entry: CatalogEntry): Promise<void> {
  const manifest = entry.objects.find((o) => o.key.endsWith(`/${MANIFEST_NAME}`));
  if (manifest) await storage.delete(manifest.key);
  for (const object of entry.objects) if (object !== manifest) await storage.delete(object.key);
}
