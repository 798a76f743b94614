import { errorMessage, type Logger, UserError } from '@shipkit/runtime';
import type { Storage } from '@shipkit/storage';
import {
  ANOMALY_ACK_NAME,
  type Anomaly,
  type AnomalyAck,
  describeAnomaly,
  findAnomaly,
  isSameSource,
} from './anomaly';
import { listBackups, resolveBackup } from './catalog';
import type { Manifest } from './manifest';

export interface GuardOptions {
  /** A drop by more than this percent of the documents is an anomaly; 0 turns the guard off. */
  dropPercent: number;
  /** The collapse is intended: record it as acknowledged at once. */
  accept: boolean;
  now: Date;
  logger: Logger;
}

/**
 * The anomaly guard's one step in a backup, between building the manifest and committing it: compare
 * with the newest complete backup of the same selection at the destination and, when the data
 * collapsed, return the anomaly for the manifest to record. Being in the manifest, the anomaly is
 * committed with the backup or not at all. A catalogue that cannot be read is a warning: the backup
 * itself must not fail for it.
 */
export async function guardAgainstCollapse(
  storage: Storage,
  manifest: Manifest,
  options: GuardOptions,
): Promise<Anomaly | undefined> {
  if (options.dropPercent <= 0) return undefined;
  let previous: Manifest | undefined;
  try {
    const entries = await listBackups(storage);
    previous = entries.find(
      (e) => e.complete && e.id < manifest.backupId && e.manifest && isSameSource(e.manifest, manifest),
    )?.manifest;
  } catch (error) {
    options.logger.warn(`could not compare with the previous backup: ${errorMessage(error)}`);
    return undefined;
  }
  if (!previous) return undefined;
  const found = findAnomaly(previous, manifest, options.dropPercent);
  if (!found) return undefined;
  const anomaly: Anomaly = options.accept ? { ...found, acceptedAt: options.now.toISOString() } : found;
  const words = describeAnomaly(anomaly);
  if (options.accept) options.logger.warn(`anomaly accepted (accept-anomaly): ${words}`);
  else options.logger.error(`anomaly: the data collapsed: ${words}`);
  return anomaly;
}

/** What `ack-anomaly` did. */
export interface AckResult {
  backupId: string;
  anomaly: Anomaly;
  acknowledgedAt: string;
  /** It was acknowledged before (with the backup, or by an earlier ack): nothing was written. */
  already: boolean;
}

/**
 * Records that a backup's collapse was intended (`<backup-id>/anomaly-ack.json`), so retention goes
 * back to its rules. The record names the manifest's SHA-256, so it belongs to this backup as it is.
 */
export async function acknowledgeAnomaly(
  storage: Storage,
  backupId: string,
  options: { now: Date; note?: string },
): Promise<AckResult> {
  const { entry } = await resolveBackup(storage, backupId);
  if (entry.state === 'damaged') {
    throw new UserError(
      `Backup ${backupId} is damaged (${entry.damage.join('; ')}); there is nothing to acknowledge.`,
    );
  }
  if (!entry.anomaly || !entry.manifestSha256) {
    throw new UserError(
      `Backup ${backupId} records no anomaly: its data did not collapse, there is nothing to acknowledge.`,
    );
  }
  if (entry.anomalyAcknowledgedAt) {
    return { backupId, anomaly: entry.anomaly, acknowledgedAt: entry.anomalyAcknowledgedAt, already: true };
  }
  const record: AnomalyAck = {
    formatVersion: 1,
    backupId,
    acknowledgedAt: options.now.toISOString(),
    manifestSha256: entry.manifestSha256,
    ...(options.note ? { note: options.note } : {}),
  };
  await storage.put(`${backupId}/${ANOMALY_ACK_NAME}`, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
    contentType: 'application/json',
  });
  return { backupId, anomaly: entry.anomaly, acknowledgedAt: record.acknowledgedAt, already: false };
}
