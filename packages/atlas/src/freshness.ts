import { formatDuration } from '@shipkit/runtime';
import type { AtlasClient } from './client';
import { requireTier } from './require-tier';
import { describeCluster, type Tier } from './tier';
import type { Snapshot } from './types';

export interface SnapshotFreshness {
  fresh: boolean;
  tier: Tier;
  maxAgeMs: number;
  /** The newest completed snapshot, if any. */
  newest?: { id: string; type: string; createdAt: string; ageMs: number; description?: string };
  /** Snapshots listed, and how many of them are completed. */
  snapshots: number;
  completed: number;
  message: string;
}

/**
 * Whether the cluster's newest completed Cloud Backup snapshot (on demand, scheduled, or Flex's daily one)
 * is recent enough: the Atlas side of a deploy gate. Age is measured from when the snapshot was taken.
 */
export async function checkSnapshotFreshness(
  client: AtlasClient,
  options: { projectId: string; cluster: string; maxAgeMs: number },
): Promise<SnapshotFreshness> {
  const tier = await client.getTier(options.projectId, options.cluster);
  requireTier(tier, ['dedicated', 'flex'], 'check the age of Atlas snapshots');
  const snapshots = await client.listSnapshots(tier);
  const completed = snapshots.filter(
    (s): s is Snapshot & { createdAt: string } => s.status === 'completed' && Boolean(s.createdAt),
  );
  const what = describeCluster(tier);
  const allowed = formatDuration(options.maxAgeMs);
  const base = { tier, maxAgeMs: options.maxAgeMs, snapshots: snapshots.length, completed: completed.length };
  const newest = completed.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  if (!newest) {
    return {
      ...base,
      fresh: false,
      message: `No completed snapshot of ${what} (${snapshots.length} snapshot(s) listed).`,
    };
  }
  const ageMs = client.deps.now() - Date.parse(newest.createdAt);
  const fresh = ageMs <= options.maxAgeMs;
  const age = formatDuration(Math.max(0, ageMs));
  return {
    ...base,
    fresh,
    newest: {
      id: newest.id,
      type: newest.type,
      createdAt: newest.createdAt,
      ageMs,
      ...(newest.description ? { description: newest.description } : {}),
    },
    message: fresh
      ? `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old (allowed: ${allowed}).`
      : `The newest completed snapshot of ${what}, ${newest.id} (${newest.type}), is ${age} old: older than the allowed ${allowed}.`,
  };
}
