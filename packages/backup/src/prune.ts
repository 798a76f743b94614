import { planRetention, planSweep, type RetentionPolicy } from '@shipkit/retention';
import type { Logger } from '@shipkit/runtime';
import { RetainedByLockError, type Storage } from '@shipkit/storage';
import { listBackups } from './catalog';
import { MANIFEST_NAME } from './layout';

export interface PruneOptions {
  policy: RetentionPolicy;
  now: Date;
  logger: Logger;
  dryRun?: boolean;
  /** Incomplete backups (no manifest) younger than this may still be running: leave them. Default 24 h. */
  incompleteGraceMs?: number;
  /** Delete the backups the catalogue finds damaged, each reported with its reason. Default false. */
  deleteDamaged?: boolean;
}

export interface PruneResult {
  kept: { id: string; reasons: string[] }[];
  removed: string[];
  /** Backups the policy released but the store refused to delete (Object Lock). */
  retainedByLock: string[];
  /** Incomplete folders swept. */
  swept: string[];
  /** Damaged backups, with why: kept (an alarm) unless `deleteDamaged` asked to delete them. */
  damaged: { id: string; reason: string; deleted: boolean }[];
  abortedUploads: number;
  dryRun: boolean;
}

/**
 * Applies a retention policy to the backups the catalogue finds complete, then sweeps incomplete ones
 * past the grace period and aborts orphaned multipart uploads. Damaged backups are kept and reported
 * unless `deleteDamaged` is set. A backup is deleted manifest first, so an interrupted prune leaves an
 * incomplete folder (swept later), never a manifest pointing at missing data.
 */
export async function prune(storage: Storage, options: PruneOptions): Promise<PruneResult> {
  const { logger, now } = options;
  const dryRun = options.dryRun ?? false;
  const entries = await listBackups(storage);
  const plan = planRetention(
    entries.map((e) => ({
      id: e.id,
      time: e.time,
      complete: e.complete,
      verified: e.verified,
      openAnomaly: e.openAnomaly,
      ...(e.state === 'damaged' ? { damaged: e.damage.join('; ') } : {}),
    })),
    options.policy,
    now,
  );
  const result: PruneResult = {
    kept: plan.keep.map((k) => ({ id: k.id, reasons: [...k.reasons] })),
    removed: [],
    retainedByLock: [],
    swept: [],
    damaged: [],
    abortedUploads: 0,
    dryRun,
  };
  /** Deletes one backup (unless a dry run); false when Object Lock retains it. */
  const remove = async (id: string): Promise<boolean> => {
    if (dryRun) return true;
    try {
      await deleteBackup(storage, id);
      return true;
    } catch (error) {
      if (!(error instanceof RetainedByLockError)) throw error;
      logger.warn(`${id} is retained by an object lock; left in place`);
      result.retainedByLock.push(id);
      return false;
    }
  };

  for (const { id } of plan.remove) {
    if (!(await remove(id))) continue;
    logger.info(`${dryRun ? 'would remove' : 'removed'} ${id}`);
    result.removed.push(id);
  }

  for (const { id, reason } of plan.damaged) {
    if (!options.deleteDamaged) {
      logger.warn(`${id} is damaged and was kept (delete it with --delete-damaged): ${reason}`);
      result.damaged.push({ id, reason, deleted: false });
    } else if (await remove(id)) {
      logger.warn(`${dryRun ? 'would delete' : 'deleted'} damaged ${id}: ${reason}`);
      result.damaged.push({ id, reason, deleted: true });
    }
  }

  const grace = options.incompleteGraceMs ?? 24 * 3_600_000;
  const sweep = planSweep(
    entries.filter((e) => e.state === 'incomplete').map((e) => ({ id: e.id, time: e.time })),
    grace,
    now,
  );
  for (const { id } of sweep.remove) {
    if (!(await remove(id))) continue;
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

/**
 * Deletes the manifest first (from then on the backup does not exist), then whatever the folder holds
 * now — listed again, so a verification record written meanwhile goes too rather than staying behind.
 */
async function deleteBackup(storage: Storage, id: string): Promise<void> {
  await storage.delete(`${id}/${MANIFEST_NAME}`);
  const rest: string[] = [];
  for await (const object of storage.list(`${id}/`)) rest.push(object.key);
  for (const key of rest) await storage.delete(key);
}
