/** The Render deploy API's shapes, as far as deploys need them (see the public `render-oss/cli` client). */

export const DEPLOY_STATUSES = [
  'created',
  'queued',
  'build_in_progress',
  'update_in_progress',
  'pre_deploy_in_progress',
  'live',
  'deactivated',
  'build_failed',
  'update_failed',
  'pre_deploy_failed',
  'canceled',
] as const;

/** A status Render documents, or one it may add later (treated as "still in progress"). */
export type DeployStatus = (typeof DEPLOY_STATUSES)[number] | (string & {});

export const FINISHED_STATUSES: readonly DeployStatus[] = [
  'live',
  'deactivated',
  'build_failed',
  'update_failed',
  'pre_deploy_failed',
  'canceled',
];
export const FAILED_STATUSES: readonly DeployStatus[] = [
  'build_failed',
  'update_failed',
  'pre_deploy_failed',
  'canceled',
];
export const CANCELLABLE_STATUSES: readonly DeployStatus[] = [
  'created',
  'build_in_progress',
  'update_in_progress',
  'pre_deploy_in_progress',
];

export const isFinished = (status: DeployStatus | undefined): boolean =>
  status !== undefined && FINISHED_STATUSES.includes(status);
export const isCancellable = (status: DeployStatus | undefined): boolean =>
  status !== undefined && CANCELLABLE_STATUSES.includes(status);

export interface Deploy {
  id: string;
  status?: DeployStatus;
  trigger?: string;
  createdAt?: string;
  updatedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  commit?: { id?: string; message?: string; createdAt?: string };
  image?: { ref?: string; sha?: string };
}

/**
 * When Render deploys a service by itself: `off`, on every push to its branch (`commit`), or once that
 * push's checks pass (`checksPass`).
 */
export type AutoDeployTrigger = 'off' | 'commit' | 'checksPass' | (string & {});

export interface Service {
  id: string;
  name?: string;
  type?: string;
  dashboardUrl?: string;
  /** The public URL, for web services. */
  url?: string;
  /** Absent when Render did not say (neither `autoDeployTrigger` nor `autoDeploy`). */
  autoDeploy?: AutoDeployTrigger;
}

export const DEPLOY_MODES = ['build_and_deploy', 'deploy_only'] as const;
export type DeployMode = (typeof DEPLOY_MODES)[number];

export interface CreateDeployOptions {
  commitId?: string;
  imageUrl?: string;
  clearCache?: boolean;
  deployMode?: DeployMode;
}

/** Filters of `GET /services/{id}/deploys`; times are epoch milliseconds. */
export interface DeployFilters {
  statuses?: readonly DeployStatus[];
  createdBefore?: number;
  createdAfter?: number;
  updatedBefore?: number;
  updatedAfter?: number;
  finishedBefore?: number;
  finishedAfter?: number;
}

export interface DeployPage {
  deploys: Deploy[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}
