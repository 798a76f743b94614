import { formatDuration, UserError } from '@shipkit/runtime';
import type { AtlasClient } from './client';
import { RestoreNotConfirmedError, UnsupportedTierError } from './errors';
import { follow } from './follow';
import { requireTier } from './require-tier';
import { describeCluster, type Tier } from './tier';
import type { RestoreJob, Snapshot } from './types';

export interface RestoreRequest {
  /** The project and cluster the snapshot (or point in time) belongs to. */
  projectId: string;
  cluster: string;
  /** The snapshot to restore; or, instead, a point in time. */
  snapshotId?: string;
  pointInTime?: Date;
  targetCluster: string;
  /** Default: the source project. */
  targetProjectId?: string;
}

export interface RestorePlan {
  source: Tier;
  target: Tier;
  deliveryType: 'automated' | 'pointInTime';
  snapshot?: Snapshot;
  /** ISO 8601, for a point-in-time restore. */
  pointInTime?: string;
  /** What will happen, one line each, for the terminal and the job summary. */
  lines: string[];
}

export type RestoreOutcome = 'completed' | 'failed' | 'cancelled' | 'expired' | 'timed-out' | 'started';

export interface RestoreResult {
  outcome: RestoreOutcome;
  plan: RestorePlan;
  job: RestoreJob;
  reconciled: boolean;
  durationMs: number;
  message: string;
}

/**
 * Works out and checks what a restore would do, without changing anything: the source's tier allows it,
 * the snapshot exists and is completed (or continuous backup covers the point in time), and the target
 * cluster exists. The plan says, in its last line, that every document of the target is replaced.
 */
export async function planRestore(client: AtlasClient, request: RestoreRequest): Promise<RestorePlan> {
  if (Boolean(request.snapshotId) === Boolean(request.pointInTime)) {
    throw new UserError('A restore takes either a snapshot or a point in time, not both and not neither.');
  }
  const source = await client.getTier(request.projectId, request.cluster);
  requireTier(source, ['dedicated', 'flex'], 'restore a snapshot');
  const from = describeCluster(source);
  let snapshot: Snapshot | undefined;
  let pointInTime: string | undefined;
  if (request.snapshotId) {
    snapshot = await client.getSnapshot(source, request.snapshotId);
    if (snapshot.status !== 'completed') {
      throw new UserError(
        `Cannot restore snapshot ${snapshot.id} of ${from}: it is ${snapshot.rawStatus}, and only a completed snapshot can be restored.`,
      );
    }
  } else if (request.pointInTime) {
    if (source.kind === 'flex') {
      throw new UnsupportedTierError(
        `Cannot restore a point in time of ${from}: Flex clusters have no continuous backup; restore one of their daily snapshots instead.`,
        source,
        'restore a point in time',
      );
    }
    if (!source.pitEnabled) {
      throw new UserError(
        `Cannot restore a point in time of ${from}: continuous cloud backup is off for it. Restore a snapshot, or turn continuous backup on (it covers times after that).`,
      );
    }
    if (request.pointInTime.getTime() > client.deps.now()) {
      throw new UserError(
        `Cannot restore ${request.pointInTime.toISOString()}: that point in time is in the future.`,
      );
    }
    pointInTime = new Date(Math.floor(request.pointInTime.getTime() / 1000) * 1000).toISOString();
  }
  const target = await client.getTier(request.targetProjectId ?? request.projectId, request.targetCluster);
  if (target.kind === 'free') {
    throw new UnsupportedTierError(
      `Cannot restore into ${describeCluster(target)}: Atlas restores snapshots into Flex and dedicated clusters, not into M0.`,
      target,
      'restore into a cluster',
    );
  }
  const deliveryType = pointInTime ? 'pointInTime' : 'automated';
  const into = describeCluster(target);
  const lines = [
    `source:   ${from}`,
    snapshot
      ? `restore:  snapshot ${snapshot.id}, taken ${snapshot.createdAt ?? 'at an unknown time'} (${snapshot.type}${snapshot.description ? `, "${snapshot.description}"` : ''})`
      : `restore:  the data as it was at ${pointInTime} (point in time, from continuous backup)`,
    `into:     ${into}`,
    `delivery: ${deliveryType}`,
    `effect:   Atlas REPLACES ALL DATA of cluster '${target.cluster}': every database and collection on it now is lost.`,
  ];
  return {
    source,
    target,
    deliveryType,
    ...(snapshot ? { snapshot } : {}),
    ...(pointInTime ? { pointInTime } : {}),
    lines,
  };
}

/**
 * The one check that stands between a plan and a restore that replaces every document of its target:
 * the confirmation must be the target cluster's exact name.
 */
export function checkConfirmation(plan: RestorePlan, confirm: string | undefined): void {
  const expected = plan.target.cluster;
  if (confirm === expected) return;
  throw new RestoreNotConfirmedError(
    `This restore replaces all data of ${describeCluster(plan.target)}. Confirm with the exact name of the target cluster, '${expected}'${confirm === undefined || confirm === '' ? '' : `; got '${confirm}'`}. Nothing was started.`,
    expected,
    confirm,
  );
}

export interface StartRestoreOptions {
  /** Must be the target cluster's exact name. */
  confirm: string | undefined;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
}

/** Starts the planned restore (at most once), after {@link checkConfirmation}, and follows it when asked. */
export async function startRestore(
  client: AtlasClient,
  plan: RestorePlan,
  options: StartRestoreOptions,
): Promise<RestoreResult> {
  checkConfirmation(plan, options.confirm);
  const { deps } = client;
  const started = deps.now();
  const deadline = started + options.timeoutMs;
  const { job: first, reconciled } = await client.createRestoreJob(plan.source, {
    deliveryType: plan.deliveryType,
    ...(plan.snapshot ? { snapshotId: plan.snapshot.id } : {}),
    ...(plan.pointInTime ? { pointInTimeUTCSeconds: Date.parse(plan.pointInTime) / 1000 } : {}),
    targetProjectId: plan.target.projectId,
    targetCluster: plan.target.cluster,
  });
  const into = describeCluster(plan.target);
  deps.logger.info(
    `Atlas accepted restore job ${first.id} into ${into}${reconciled ? ' (found after its answer was lost)' : ''}.`,
  );
  if (!options.wait) {
    return {
      outcome: 'started',
      plan,
      job: first,
      reconciled,
      durationMs: deps.now() - started,
      message: `Restore job ${first.id} into ${into} started; not waiting for it.`,
    };
  }
  const { last, timedOut } = await follow(
    first,
    () => client.getRestoreJob(plan.source, first.id),
    {
      finished: (job) => job.state !== 'inProgress',
      describe: (job) => `Restore job ${job.id}: ${job.state}`,
    },
    { pollIntervalMs: options.pollIntervalMs, deadline },
    deps,
  );
  const durationMs = deps.now() - started;
  const took = formatDuration(durationMs);
  const outcome: RestoreOutcome = timedOut
    ? 'timed-out'
    : last.state === 'inProgress'
      ? 'timed-out'
      : last.state;
  const message =
    outcome === 'completed'
      ? `Restore job ${last.id} into ${into} completed in ${took}.`
      : outcome === 'timed-out'
        ? `Restore job ${last.id} into ${into} is still running after ${took}: Atlas carries on with it; the target cluster is not usable until it finishes.`
        : `Restore job ${last.id} into ${into} ${outcome} after ${took}; see the cluster's Backup → Restores page in Atlas.`;
  return { outcome, plan, job: last, reconciled, durationMs, message };
}
