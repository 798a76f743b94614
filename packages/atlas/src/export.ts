import { randomBytes } from 'node:crypto';
import { formatDuration, UserError } from '@shipkit/runtime';
import type { AtlasClient } from './client';
import { follow } from './follow';
import { requireBackupEnabled, requireTier } from './require-tier';
import { describeCluster, type Tier } from './tier';
import { type ExportBucket, type ExportJob, FINISHED_EXPORT, type Snapshot } from './types';

export interface ExportOptions {
  projectId: string;
  cluster: string;
  snapshotId: string;
  /** The export bucket's id in Atlas (24 hexadecimal digits), not the bucket's name. */
  exportBucketId: string;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  /** Carried in the job's `customData`: how a job whose answer was lost is recognised. Random by default. */
  tag?: string;
}

export type ExportOutcome = 'successful' | 'failed' | 'cancelled' | 'timed-out' | 'started';

export interface ExportResult {
  outcome: ExportOutcome;
  tier: Tier;
  snapshot: Snapshot;
  bucket: ExportBucket;
  job: ExportJob;
  reconciled: boolean;
  durationMs: number;
  message: string;
}

/**
 * Exports a completed snapshot of a dedicated cluster to an export bucket (one `.json.gz` of Extended
 * JSON per collection, then a `.complete` marker, under the job's prefix) and, when asked, follows the
 * job until it is Successful, Failed or Cancelled. Atlas does not retry a failed export: what it wrote
 * stays, and the result says where.
 */
export async function exportSnapshot(client: AtlasClient, options: ExportOptions): Promise<ExportResult> {
  const { deps } = client;
  const started = deps.now();
  const deadline = started + options.timeoutMs;
  const tier = await client.getTier(options.projectId, options.cluster);
  requireTier(tier, ['dedicated'], 'export a snapshot');
  requireBackupEnabled(tier, 'export a snapshot');
  const cluster = describeCluster(tier);
  const snapshot = await client.getSnapshot(tier, options.snapshotId);
  if (snapshot.status !== 'completed') {
    throw new UserError(
      `Cannot export snapshot ${snapshot.id} of ${cluster}: it is ${snapshot.rawStatus}, and only a completed snapshot can be exported.`,
    );
  }
  const bucket = await client.getExportBucket(options.projectId, options.exportBucketId);
  const tag = options.tag ?? randomBytes(8).toString('hex');
  const { job: first, reconciled } = await client.createExport(tier, {
    snapshotId: snapshot.id,
    exportBucketId: bucket.id,
    tag,
  });
  const base = { tier, snapshot, bucket, reconciled };
  const to = `${bucket.cloudProvider ?? 'bucket'} ${bucket.bucketName}`;
  if (!options.wait) {
    return {
      ...base,
      outcome: 'started',
      job: first,
      durationMs: deps.now() - started,
      message: `Export job ${first.id} of snapshot ${snapshot.id} to ${to} is ${first.state}; not waiting for it.`,
    };
  }
  const { last, timedOut } = await follow(
    first,
    () => client.getExport(tier, first.id),
    {
      finished: (job) => FINISHED_EXPORT.includes(job.state),
      describe: (job) =>
        `Export job ${job.id}: ${job.state}${job.totalCollections ? ` (${job.exportedCollections ?? 0}/${job.totalCollections} collections)` : ''}`,
    },
    { pollIntervalMs: options.pollIntervalMs, deadline },
    deps,
  );
  const durationMs = deps.now() - started;
  const took = formatDuration(durationMs);
  const where = last.prefix ? ` under ${last.prefix}` : '';
  if (timedOut) {
    return {
      ...base,
      outcome: 'timed-out',
      job: last,
      durationMs,
      message: `Export job ${last.id} of snapshot ${snapshot.id} is still ${last.state} after ${took}: Atlas carries on with it, but it is not finished yet.`,
    };
  }
  if (last.state === 'Successful') {
    return {
      ...base,
      outcome: 'successful',
      job: last,
      durationMs,
      message: `Exported snapshot ${snapshot.id} of ${cluster} to ${to}${where} in ${took} (one .json.gz per collection and a .complete marker).`,
    };
  }
  const reason = last.stateReason?.message
    ? `: ${last.stateReason.message}${last.stateReason.errorCode ? ` (${last.stateReason.errorCode})` : ''}`
    : '';
  return {
    ...base,
    outcome: last.state === 'Cancelled' ? 'cancelled' : 'failed',
    job: last,
    durationMs,
    message:
      `Export job ${last.id} of snapshot ${snapshot.id} ended ${last.state}${reason}. Atlas does not retry a failed export ` +
      `and leaves what it wrote${where} in ${to} (no .complete marker): delete it before exporting again.`,
  };
}
