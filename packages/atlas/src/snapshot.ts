import { formatDuration } from '@shipkit/runtime';
import type { AtlasClient } from './client';
import { AtlasApiError } from './errors';
import { follow } from './follow';
import { requireBackupEnabled, requireTier } from './require-tier';
import { describeCluster, type Tier } from './tier';
import { FINISHED_SNAPSHOT, type Snapshot } from './types';

export interface SnapshotOptions {
  projectId: string;
  cluster: string;
  /** Shown in Atlas next to the snapshot; also how a snapshot whose answer was lost is recognised. */
  description: string;
  /** How long Atlas keeps it; at least 1. */
  retentionDays: number;
  /** Follow the snapshot until it is completed or failed. */
  wait: boolean;
  pollIntervalMs: number;
  /** How long to follow it; Atlas carries on after. */
  timeoutMs: number;
}

export type SnapshotOutcome = 'completed' | 'failed' | 'timed-out' | 'started';

export interface SnapshotResult {
  outcome: SnapshotOutcome;
  tier: Tier;
  snapshot: Snapshot;
  /**
   * Another on-demand snapshot was already queued or in progress (Atlas takes one at a time and answered
   * 409): it was followed instead of taking a second one.
   */
  adopted: boolean;
  /** The request's answer was lost and the snapshot it created was found by listing. */
  reconciled: boolean;
  durationMs: number;
  message: string;
}

/** How often a 409 may be answered by finding nothing in progress before giving up (it finished meanwhile). */
const CONFLICT_TRIES = 3;

/**
 * Takes one on-demand snapshot of a dedicated cluster and, when asked, follows it to `completed` or
 * `failed`. M0 and Flex clusters are refused, saying what they offer instead.
 *
 * Atlas takes one on-demand snapshot at a time and answers 409 while one is queued or in progress. That
 * one is adopted rather than waited out: it was started before this request, so it holds the data as it
 * was before whatever comes next (a deploy), which is what this snapshot is for, and a second one would
 * cost storage and time for the same protection. The result says so (`adopted`), with that snapshot's
 * own description and expiry.
 */
export async function takeOnDemandSnapshot(
  client: AtlasClient,
  options: SnapshotOptions,
): Promise<SnapshotResult> {
  const { deps } = client;
  const started = deps.now();
  const deadline = started + options.timeoutMs;
  const tier = await client.getTier(options.projectId, options.cluster);
  requireTier(tier, ['dedicated'], 'take an on-demand snapshot');
  requireBackupEnabled(tier, 'take an on-demand snapshot');
  const cluster = describeCluster(tier);

  const { snapshot: first, adopted, reconciled } = await startSnapshot(client, tier, options);
  deps.logger.info(
    adopted
      ? `Atlas was already taking on-demand snapshot ${first.id} of ${cluster} (${quoted(first.description)}): following it rather than taking a second one.`
      : `Atlas accepted on-demand snapshot ${first.id} of ${cluster}${reconciled ? ' (found after its answer was lost)' : ''}.`,
  );
  const base = { tier, adopted, reconciled };
  if (!options.wait) {
    return {
      ...base,
      outcome: 'started',
      snapshot: first,
      durationMs: deps.now() - started,
      message: `On-demand snapshot ${first.id} of ${cluster} is ${first.rawStatus}; not waiting for it.`,
    };
  }
  const { last, timedOut } = await follow(
    first,
    () => client.getSnapshot(tier, first.id),
    {
      finished: (s) => FINISHED_SNAPSHOT.includes(s.status),
      describe: (s) => `Snapshot ${s.id}: ${s.rawStatus}`,
    },
    { pollIntervalMs: options.pollIntervalMs, deadline },
    deps,
  );
  const durationMs = deps.now() - started;
  const took = formatDuration(durationMs);
  if (timedOut) {
    return {
      ...base,
      outcome: 'timed-out',
      snapshot: last,
      durationMs,
      message: `On-demand snapshot ${last.id} of ${cluster} is still ${last.rawStatus} after ${took}: Atlas carries on with it, but it is not completed yet.`,
    };
  }
  if (last.status === 'failed') {
    return {
      ...base,
      outcome: 'failed',
      snapshot: last,
      durationMs,
      message: `On-demand snapshot ${last.id} of ${cluster} failed after ${took}; see the cluster's Backup page in Atlas.`,
    };
  }
  return {
    ...base,
    outcome: 'completed',
    snapshot: last,
    durationMs,
    message: `On-demand snapshot ${last.id} of ${cluster} completed in ${took}${last.expiresAt ? `; Atlas keeps it until ${last.expiresAt}` : ''}.`,
  };
}

async function startSnapshot(
  client: AtlasClient,
  tier: Tier,
  options: SnapshotOptions,
): Promise<{ snapshot: Snapshot; adopted: boolean; reconciled: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { snapshot, reconciled } = await client.takeSnapshot(tier, {
        description: options.description,
        retentionInDays: options.retentionDays,
      });
      return { snapshot, adopted: false, reconciled };
    } catch (error) {
      if (!(error instanceof AtlasApiError) || error.status !== 409) throw error;
      // A 409 created nothing: find the snapshot in the way, or ask again if it finished meanwhile.
      const running = (await client.listSnapshots(tier)).find(
        (s) => s.type === 'onDemand' && (s.status === 'queued' || s.status === 'inProgress'),
      );
      if (running) return { snapshot: running, adopted: true, reconciled: false };
      if (attempt >= CONFLICT_TRIES) throw error;
      client.deps.logger.info(
        `${error.message} No on-demand snapshot is in progress any more: asking again.`,
      );
    }
  }
}

function quoted(text: string | undefined): string {
  return text ? `"${text}"` : 'no description';
}
